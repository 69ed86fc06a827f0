import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { emit, type OutputFlags } from './emit.js';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('show')
    .description('metadata and text of one document, its entities (coloured on a terminal), events and near-duplicates')
    .argument('<doc>', 'document id or path')
    .addHelpText('after', '\nExample:\n  corpus show seeds/004_ddf39e30f6a337f9.txt');
  withCommonOptions(command).action(async (ref: string, flags: OutputFlags & { db: string }) => {
    const { openDatabase } = await import('../store/db.js');
    const { findDocument } = await import('../store/documents.js');
    const { nearDuplicatesOf } = await import('../store/duplicates.js');
    const { analysisOf, renderDocumentShow } = await import('../render/document-show.js');
    const db = openDatabase(flags.db, { readonly: true });
    let doc: ReturnType<typeof findDocument>;
    let analysis: ReturnType<typeof analysisOf> | null = null;
    try {
      doc = findDocument(db, ref);
      if (doc) analysis = analysisOf(doc, nearDuplicatesOf(db, doc.id));
    } finally {
      db.close();
    }
    if (!doc || !analysis) throw new UserError(`${ref}: no such document (give an id or a path that was ingested)`, 1);
    // Render from the data emit hands back: it has made terminal controls in the text visible.
    await emit({ ...doc, ...analysis }, flags, (data, context) =>
      renderDocumentShow(
        data,
        { entities: data.entities, events: data.events, nearDuplicates: data.nearDuplicates },
        context,
      ),
    );
  });
}
