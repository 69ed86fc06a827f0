import path from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions } from './options.js';
import { noSuchEntity } from './entity-names.js';
import { writeStdout } from './stdout.js';

interface MentionsFlags {
  db: string;
  json?: boolean;
  type?: string;
}

export function register(program: Command): void {
  const command = program
    .command('mentions')
    .description('every mention of an entity: document, date, sentence and offsets')
    .argument('<entity>', 'a name or any alias of the entity')
    .option('--type <type>', 'PERSON, COUNTRY, PLACE or ORG, when the name is ambiguous', (v: string) =>
      v.toUpperCase(),
    )
    .addHelpText(
      'after',
      `
Output: one line per mention, oldest document first: date, document id, offsets, the sentence with
the mention in [brackets] (bold on a terminal). --json prints one JSON object per line (NDJSON):
{"docId","date","title","path","text","start","end","sentence","sentenceIndex"}.

Example:
  corpus mentions Volcker --db news.db`,
    );
  withCommonOptions(command).action(async (name: string, flags: MentionsFlags) => {
    const [{ openDatabase }, { resolveEntities }, { entityMentions }, { useColour }, { visible }] = await Promise.all([
      import('../store/db.js'),
      import('../store/entities.js'),
      import('../store/mentions.js'),
      import('./options.js'),
      import('../render/safe.js'),
    ]);
    const db = openDatabase(path.resolve(flags.db), { readonly: true });
    try {
      const found = resolveEntities(db, name, flags.type);
      if (found.length === 0) await noSuchEntity(db, name, flags.type);
      // The most mentioned entity of that name; --type chooses another.
      const entity = found[0];
      const colour = useColour();
      if (!flags.json) writeStdout(`Mentions of ${visible(entity.name)} (${entity.type}):\n`);
      let count = 0;
      for (const m of entityMentions(db, [entity.id])) {
        count++;
        if (flags.json) {
          writeStdout(`${JSON.stringify(m)}\n`);
          continue;
        }
        // Terminal controls in the text are made visible, never obeyed.
        const text = visible(m.text);
        const plain = visible(m.sentence);
        const at = plain.indexOf(text);
        const [open, close] = colour ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
        const sentence = at >= 0 ? plain.slice(0, at) + open + text + close + plain.slice(at + text.length) : plain;
        writeStdout(`${m.date ?? 'undated   '}  #${m.docId} ${m.start}-${m.end}  ${sentence}\n`);
      }
      if (!flags.json) writeStdout(`${count.toLocaleString('en-US')} mentions\n`);
    } finally {
      db.close();
    }
  });
}
