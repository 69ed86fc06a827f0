import path from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('stats')
    .description('what the database holds: documents, dates, sources, entities')
    .addHelpText('after', '\nExample:\n  corpus stats --db news.db');
  withCommonOptions(command).action(async (flags: { db: string; json?: boolean }) => {
    const { openDatabase } = await import('../store/db.js');
    const { corpusStats } = await import('../store/documents.js');
    const { renderStats } = await import('../render/documents.js');
    const file = path.resolve(flags.db);
    const db = openDatabase(file, { readonly: true });
    try {
      const stats = corpusStats(db, file);
      process.stdout.write(`${flags.json ? JSON.stringify(stats) : renderStats(stats)}\n`);
    } finally {
      db.close();
    }
  });
}
