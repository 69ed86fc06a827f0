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
    // Opened as typed, as every command does: its errors name the database the way the user wrote it.
    const db = openDatabase(flags.db, { readonly: true });
    let stats: ReturnType<typeof corpusStats>;
    try {
      stats = corpusStats(db, path.resolve(flags.db));
    } finally {
      db.close();
    }
    await emit(stats, flags, renderStats);
  });
}
