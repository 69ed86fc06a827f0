import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'corpus.cjs');
export const SEEDS = path.join(ROOT, 'seeds');
export const SHARED = path.resolve(ROOT, '..', 'shared');

export function tempDir(prefix = 'corpus-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI as a child process (no TTY, no colour), as a user's script would. */
export function corpus(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {},
): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.CORPUS_DB;
  if (options.env && 'CORPUS_DB' in options.env) env.CORPUS_DB = options.env.CORPUS_DB;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Start the CLI without waiting for it (for the kill -9 test). */
export function corpusAsync(args: string[], options: { cwd?: string } = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

export function write(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Articles written as `name → text` into a fresh folder's `docs/` and ingested by the real CLI;
 * returns the folder, the articles' folder and the database (ingest's exit code checked by the caller).
 */
export function ingestTexts(articles: Record<string, string>): {
  dir: string;
  docs: string;
  db: string;
  ingest: CliResult;
} {
  const dir = tempDir();
  const docs = path.join(dir, 'docs');
  for (const [name, text] of Object.entries(articles)) write(path.join(docs, name), text);
  const db = path.join(dir, 'corpus.db');
  return { dir, docs, db, ingest: corpus(['ingest', docs, '--db', db, '-q']) };
}

/** The first `limit` Reuters-21578 articles from ../shared, exploded to .txt files in a temporary folder. */
export function explodeReuters(limit: number): string {
  const docs = path.join(tempDir(), 'reuters');
  execFileSync(
    process.execPath,
    [
      path.join(SHARED, 'corpora', 'explode.mjs'),
      path.join(SHARED, 'corpora', 'reuters21578.jsonl.gz'),
      docs,
      '--limit',
      String(limit),
    ],
    { stdio: 'ignore' },
  );
  return docs;
}
