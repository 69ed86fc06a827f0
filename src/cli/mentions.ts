import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { ENTITY_TYPES, isEntityType } from '../core/types.js';
import type { OutputFlags } from './emit.js';
import { withCommonOptions } from './options.js';
import { noSuchEntity } from './entity-names.js';
import { writeStdout } from './stdout.js';

interface MentionsFlags extends OutputFlags {
  db: string;
  type?: string;
}

export function register(program: Command): void {
  const command = program
    .command('mentions')
    .description('every mention of an entity: document, date, sentence and offsets')
    .argument('<entity>', 'a name or any alias of the entity')
    .option('--type <type>', 'PERSON, COUNTRY, PLACE or ORG, when the name is ambiguous', (v: string) => {
      const type = v.toUpperCase();
      if (!isEntityType(type)) throw new UserError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got '${v}'`);
      return type;
    })
    .addHelpText(
      'after',
      `
Output: one line per mention, oldest document first: date, document id, offsets, the sentence with
the mention in [brackets] (bold on a terminal). --json prints {"entity", "mentions", "mentionList"};
--nl one mention per line as it is read, --csv the same as CSV; a mention is
{"id" (the document's),"date","title","path","text","start","end","sentence","sentenceIndex"}.

Example:
  corpus mentions Volcker --db news.db`,
    );
  withCommonOptions(command, { rows: true, pager: false }).action(async (name: string, flags: MentionsFlags) => {
    const [
      { openDatabase },
      { resolveEntities },
      { entityMentions, mentionCount },
      { useColour },
      { visible },
      { emit, textContext },
    ] = await Promise.all([
      import('../store/db.js'),
      import('../store/entities.js'),
      import('../store/mentions.js'),
      import('./options.js'),
      import('../render/safe.js'),
      import('./emit.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    try {
      const found = resolveEntities(db, name, flags.type);
      if (found.length === 0) await noSuchEntity(db, name, flags.type);
      // The most mentioned entity of that name; --type chooses another.
      const entity = found[0];
      const about = { id: entity.id, name: entity.name, type: entity.type };
      if (flags.json) {
        // One JSON value, its list written as it is read (Japan at a million articles, 122,417
        // mentions: 404 MB held whole), counted first in the same snapshot.
        const { beginRead } = await import('../store/db.js');
        const endRead = beginRead(db);
        try {
          const value = { entity: about, mentions: mentionCount(db, [entity.id]), mentionList: [] };
          await emit(value, flags, () => '', {
            rows: () => entityMentions(db, [entity.id]),
            streamed: { key: 'mentionList' },
          });
        } finally {
          endRead();
        }
        return;
      }
      if (flags.nl || flags.csv) {
        await emit({ entity: about }, flags, () => '', { rows: () => entityMentions(db, [entity.id]) });
        return;
      }
      // Text is written as it is read, never held whole: an entity of a large archive has 100,000s.
      // On a terminal each sentence wraps under itself, past the date, document and offsets.
      const { hanging, loadFitting, plural } = await import('../render/text.js');
      const columns = textContext().width;
      if (columns) await loadFitting();
      const colour = useColour();
      writeStdout(`Mentions of ${visible(entity.name)} (${entity.type}):\n`);
      let count = 0;
      for (const m of entityMentions(db, [entity.id])) {
        count++;
        // Terminal controls in the text are made visible, never obeyed.
        const text = visible(m.text);
        const plain = visible(m.sentence);
        const at = plain.indexOf(text);
        const [open, close] = colour ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
        const sentence = at >= 0 ? plain.slice(0, at) + open + text + close + plain.slice(at + text.length) : plain;
        const lead = `${m.date ?? 'undated   '}  #${m.docId} ${m.start}-${m.end}  `;
        if (!columns) {
          writeStdout(`${lead}${sentence}\n`);
          continue;
        }
        // Beside its lead when there is room for it, else below it, indented.
        const beside = hanging(lead, sentence, columns, 30);
        writeStdout(`${beside ?? `${lead.trimEnd()}\n${hanging('    ', sentence, Math.max(14, columns), 10)}`}\n`);
      }
      writeStdout(`${plural(count, 'mention')}\n`);
    } finally {
      db.close();
    }
  });
}
