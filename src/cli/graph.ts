import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { ENTITY_TYPES, isEntityType } from '../core/types.js';
import { emit, type OutputFlags, say } from './emit.js';
import { parseCount, withCommonOptions } from './options.js';
import { suggestingNames } from './entity-names.js';

interface GraphFlags extends OutputFlags {
  db: string;
  depth: number;
  min: number;
  maxNodes: number;
  type?: string;
  gexf?: boolean;
  html?: string;
}

export function register(program: Command): void {
  const command = program
    .command('graph')
    .description('who appears with whom: the entities named in the same sentences as one, as a graph')
    .argument('<entity...>', 'an entity name (any alias)')
    .option(
      '--depth <n>',
      '1: its neighbours; 2: their neighbours too',
      (v: string) => {
        if (v !== '1' && v !== '2') throw new UserError(`--depth must be 1 or 2, got '${v}'`);
        return Number(v);
      },
      1,
    )
    .option('--min <n>', 'sentences two entities must share to be joined', parseCount('--min'), 2)
    .option('--max-nodes <n>', 'at most this many entities, the one asked for included', parseCount('--max-nodes'), 100)
    .option('--type <type>', `when a name is ambiguous (${ENTITY_TYPES.join(', ')})`, (v: string) => {
      const type = v.toUpperCase();
      if (!isEntityType(type)) throw new UserError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got '${v}'`);
      return type;
    })
    .option('--gexf', 'print the graph as GEXF 1.3 XML (Gephi, sigma.js)')
    .option('--html <file>', 'write a self-contained HTML page drawing the graph to FILE')
    .addHelpText(
      'after',
      `
Edges join entities named in the same sentences more often than chance: the score is the
log-likelihood ratio (G²) over sentences, as for 'corpus entity', so an entity named everywhere
does not join everything. --csv and --nl give one line per edge.

Examples:
  corpus graph "Ronald Reagan"
  corpus graph OPEC --depth 2 --html opec.html
  corpus graph Brazil --gexf > brazil.gexf`,
    );
  withCommonOptions(command, { rows: true }).action(async (words: string[], flags: GraphFlags) => {
    const machine = ['json', 'csv', 'nl'].filter((f) => flags[f]).map((f) => `--${f}`);
    const own = [flags.gexf ? '--gexf' : null, flags.html !== undefined ? '--html' : null].filter(Boolean);
    if (own.length > 1 || (own.length > 0 && machine.length > 0))
      throw new UserError(`${[...own, ...machine].join(' and ')} ask for different outputs; give one`);
    if (flags.maxNodes < 2) throw new UserError('--max-nodes must be at least 2');
    if (flags.min < 1) throw new UserError('--min must be at least 1');
    const [{ openDatabase }, { buildGraph }, text] = await Promise.all([
      import('../store/db.js'),
      import('../graph/graph.js'),
      import('../render/graph-text.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    let graph: ReturnType<typeof buildGraph>;
    try {
      graph = await suggestingNames(db, () =>
        buildGraph(db, words.join(' '), {
          depth: flags.depth,
          min: flags.min,
          maxNodes: flags.maxNodes,
          type: flags.type,
        }),
      );
    } finally {
      db.close();
    }
    if (flags.gexf) {
      const { gexfFormat } = await import('../render/graph-gexf.js');
      await emit(graph, flags, text.renderGraphText, { format: gexfFormat });
      return;
    }
    if (flags.html !== undefined) {
      const { renderGraphHtml } = await import('../render/graph-html.js');
      const page = {
        name: 'html',
        flag: null,
        description: 'a self-contained HTML page',
        rows: false,
        forPeople: false,
        async write(_: unknown, sink: { write(chunk: string): void | Promise<void> }) {
          await sink.write(renderGraphHtml(graph));
        },
      };
      await emit(graph, flags, text.renderGraphText, { format: page, out: flags.html });
      say(`wrote ${flags.html} (${graph.nodes.length} entities, ${graph.edges.length} edges)`);
      return;
    }
    await emit(graph, flags, text.renderGraphText, { rows: text.edgeRows });
  });
}
