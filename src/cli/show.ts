import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { emit, type OutputFlags } from './emit.js';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('show')
    .description('metadata and text of one document')
    .argument('<doc>', 'document id or path')
    .addHelpText('after', '\nExample:\n  corpus show seeds/004_ddf39e30f6a337f9.txt');
  withCommonOptions(command).action(async (ref: string, flags: OutputFlags & { db: string }) => {
    const { openDatabase } = await import('../store/db.js');
    const { findDocument } = await import('../store/documents.js');
    const { renderDocument } = await import('../render/documents.js');
    const db = openDatabase(flags.db, { readonly: true });
    let doc: ReturnType<typeof findDocument>;
    try {
      doc = findDocument(db, ref);
    } finally {
      db.close();
    }
    if (!doc) throw new UserError(`${ref}: no such document (give an id or a path that was ingested)`, 1);
    await emit(doc, flags, renderDocument);
  });
}
