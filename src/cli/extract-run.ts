import fs from 'node:fs';
import path from 'node:path';
import type { ColumnMap } from '../ingest/formats.js';
import { formatOf } from '../ingest/read.js';
import { articlesOf } from '../ingest/stream.js';
import { FORMAT_EXTENSIONS } from '../ingest/formats.js';
import { knowByContent } from '../ingest/discover.js';
import { SIDECAR_NAME } from '../ingest/sidecar.js';
import { analyze } from '../nlp/analyze.js';
import { json } from '../render/formats/json.js';
import { type ExtractRecord, extractRecord, renderExtract } from '../render/extract.js';
import { loadFitting, visibleDeep } from '../render/text.js';
import { say, stdoutSink, textContext } from './emit.js';

/** What extracting one named path gives: a record, or a line for stderr and how bad it is. */
export type ExtractEvent =
  | { kind: 'record'; record: ExtractRecord }
  | { kind: 'warning'; message: string }
  | { kind: 'skipped'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'missing'; message: string };

/**
 * Read → analyze, one article at a time, in the order given. A path that does not exist is reported
 * and the rest still extracted; a file that holds no article (the folder's `corpus-meta.yaml`, any
 * extension ingest does not read) is skipped with a line saying so, as when a shell glob names it.
 */
export async function* extractFiles(
  files: string[],
  options: { date?: string; columns?: ColumnMap },
): AsyncGenerator<ExtractEvent> {
  for (const file of files) {
    if (!fs.existsSync(file)) {
      yield { kind: 'missing', message: `${file}: no such file` };
      continue;
    }
    if (path.basename(file) === SIDECAR_NAME) {
      yield { kind: 'skipped', message: `${file}: skipped (metadata for the articles beside it, not an article)` };
      continue;
    }
    knowByContent(file);
    if (!fs.statSync(file).isDirectory() && formatOf(file) === null) {
      yield {
        kind: 'skipped',
        message: `${file}: skipped (not an article format; extract reads ${FORMAT_EXTENSIONS.join(', ')}, any of them gzipped)`,
      };
      continue;
    }
    // As ingest reads it: a one-article file too big to hold is read as it streams, a record per part.
    for await (const result of articlesOf(file, { defaultDate: options.date ?? null, columns: options.columns })) {
      if (result.ok === 'skipped') continue; // a WARC's requests and images: not articles, and not news to the user
      if (!result.ok) {
        yield { kind: 'failed', message: result.error };
        continue;
      }
      for (const warning of result.article.warnings)
        yield { kind: 'warning', message: `warning: ${result.article.path}: ${warning}` };
      yield { kind: 'record', record: extractRecord(result.article, analyze(result.article)) };
    }
  }
}

/**
 * `corpus extract`: the records as JSON Lines (../../docs/json.md, "extract") or as text. Exit status:
 * 2 when a path is missing (the user must fix the command), else 1 when a file failed, else 0.
 */
export async function runExtract(
  files: string[],
  flags: { json?: boolean; nl?: boolean; date?: string; columns?: ColumnMap },
): Promise<number> {
  let failed = false;
  let missing = false;
  let first = true;
  const context = textContext();
  if (!flags.json && !flags.nl) await loadFitting({ wrapping: Boolean(context.width) });
  for await (const event of extractFiles(files, flags)) {
    if (event.kind !== 'record') {
      say(event.message);
      failed ||= event.kind === 'failed';
      missing ||= event.kind === 'missing';
      continue;
    }
    if (flags.json || flags.nl) {
      // The published contract, exact: no vocabulary pass, one compact line per article.
      await json.write({ data: event.record, text: () => '', raw: true }, stdoutSink, { ...context, pretty: false });
    } else {
      await stdoutSink.write(`${first ? '' : '\n'}${renderExtract(visibleDeep(event.record), context)}\n`);
      first = false;
    }
  }
  return missing ? 2 : failed ? 1 : 0;
}
