import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('show')
    .description('metadata and text of one document')
    .argument('<doc>', 'document id or path')
    .addHelpText('after', '\nExample:\n  corpus show seeds/004_ddf39e30f6a337f9.txt');
  withCommonOptions(command).action(async (ref: string, flags: { db: string; json?: boolean }) => {
    const { openDatabase } = await import('../store/db.js');
    const { findDocument } = await import('../store/documents.js');
    const { renderDocument } = await import('../render/documents.js');
    const db = openDatabase(flags.db, { readonly: true });
    try {
      const doc = findDocument(db, ref);
      if (!doc) throw new UserError(`${ref}: no such document (give an id or a path that was ingested)`, 1);
      process.stdout.write(`${flags.json ? JSON.stringify(doc) : renderDocument(doc, process.cwd())}\n`);
    } finally {
      db.close();
    }
  });
}
