import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'corpus.cjs');
export const SEEDS = path.join(ROOT, 'seeds');
export const SHARED = path.resolve(ROOT, '..', 'shared');

/** The folders tempDir made in this test file (each file has its own module instance). */
const madeDirs: string[] = [];

/** A new empty folder under the system's temporary folder, removed after the test file's tests. */
export function tempDir(prefix = 'corpus-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/**
 * Remove every folder tempDir made (test/setup.ts, after each file's tests): a run of the suite
 * otherwise leaves over a thousand folders, gigabytes of databases, in the temporary folder. A
 * folder a test made read-only is made writable first, so a user without root can remove it too.
 */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      makeWritable(dir);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  }
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) makeWritable(path.join(dir, entry.name));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI as a child process (no TTY, no colour), as a user's script would. */
export function corpus(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeout?: number } = {},
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
    // Killed past it (a run that would wait for ever fails the test rather than hang it).
    timeout: options.timeout,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The CLI with file permissions enforced even for root (CI runs as root, whom a mode of 000 does not
 * stop): as root it runs without the capabilities that bypass them.
 */
export function corpusUnderPermissions(args: string[]): CliResult {
  if (process.getuid?.() !== 0) return corpus(args);
  const result = spawnSync(
    'setpriv',
    ['--bounding-set=-dac_override,-dac_read_search', process.execPath, BIN, ...args],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CORPUS_DB: undefined }, encoding: 'utf8', input: '' },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Start the CLI without waiting for it (for the kill -9 test). */
export function corpusAsync(args: string[], options: { cwd?: string; stderr?: boolean } = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    stdio: options.stderr ? ['ignore', 'ignore', 'pipe'] : 'ignore',
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

/**
 * The Reuters-21578 articles of these ids (`reuters-1249`), from ../shared, in a JSON Lines file of
 * a temporary folder; throws if one is missing.
 */
export function reutersArticles(ids: readonly string[]): string {
  const wanted = new Set(ids);
  const lines = zlib
    .gunzipSync(fs.readFileSync(path.join(SHARED, 'corpora', 'reuters21578.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter((line) => line && wanted.has(JSON.parse(line).id));
  if (lines.length !== wanted.size) throw new Error(`found ${lines.length} of ${wanted.size} Reuters articles`);
  const file = path.join(tempDir('corpus-reuters-'), 'articles.jsonl');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Those Reuters articles (see reutersArticles) ingested into a new database beside their file. */
export function ingestReuters(ids: readonly string[]): { file: string; db: string } {
  const file = reutersArticles(ids);
  const db = path.join(path.dirname(file), 'corpus.db');
  const r = corpus(['ingest', file, '--db', db, '--quiet']);
  if (r.code !== 0) throw new Error(`ingest exited ${r.code}: ${r.stderr}`);
  return { file, db };
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
