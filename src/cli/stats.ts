import path from 'node:path';
import type { Command } from 'commander';
import { emit, type OutputFlags } from './emit.js';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('stats')
    .description('what the database holds: documents, dates, sources, entities')
    .addHelpText('after', '\nExample:\n  corpus stats --db news.db');
  withCommonOptions(command).action(async (flags: OutputFlags & { db: string }) => {
    const { openDatabase } = await import('../store/db.js');
    const { corpusStats } = await import('../store/documents.js');
    const { renderStats } = await import('../render/documents.js');
    const file = path.resolve(flags.db);
    const db = openDatabase(file, { readonly: true });
    let stats: ReturnType<typeof corpusStats>;
    try {
      stats = corpusStats(db, file);
    } finally {
      db.close();
    }
    await emit(stats, flags, renderStats);
  });
}
