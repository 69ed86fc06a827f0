import fs from 'node:fs';
import { UserError } from '../core/errors.js';
import { readArticles } from '../ingest/read.js';
import { analyze } from '../nlp/analyze.js';
import { extractRecord, renderExtract } from '../render/extract.js';

/** `corpus extract`: read → analyze → print, one article at a time, in the order given. */
export async function runExtract(files: string[], flags: { json?: boolean; date?: string }): Promise<number> {
  for (const file of files) {
    if (!fs.existsSync(file)) throw new UserError(`${file}: no such file`);
  }
  let failed = 0;
  let first = true;
  for (const file of files) {
    for (const result of await readArticles(file, { defaultDate: flags.date ?? null })) {
      if (!result.ok) {
        failed++;
        process.stderr.write(`corpus: ${result.error}\n`);
        continue;
      }
      for (const warning of result.article.warnings) process.stderr.write(`corpus: warning: ${result.article.path}: ${warning}\n`);
      const record = extractRecord(result.article, analyze(result.article));
      if (flags.json) process.stdout.write(`${JSON.stringify(record)}\n`);
      else {
        process.stdout.write(`${first ? '' : '\n'}${renderExtract(record)}\n`);
        first = false;
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
