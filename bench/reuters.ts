import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** Paths and machine facts shared by the benchmarks. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const REUTERS_JSONL = path.join(SHARED, 'corpora', 'reuters21578.jsonl.gz');
export const RESULTS = path.join(ROOT, 'bench', 'results');

export function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Explode the Reuters corpus into a fresh temporary folder of .txt files (never inside the project). */
export function explodeReuters(extra: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-reuters-'));
  const out = path.join(dir, 'reuters');
  execFileSync(process.execPath, [path.join(SHARED, 'corpora', 'explode.mjs'), REUTERS_JSONL, out, ...extra], {
    stdio: 'ignore',
  });
  return out;
}

export function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      files.push(path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
  }
  return files.sort();
}

export function writeResult(name: string, result: unknown): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The value after `name` on the command line (`--shared DIR`), if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

/**
 * A Reuters database the query benchmarks share: `--db FILE` when given, else one ingested once per
 * analyzer and schema version into bench/tmp (`files`: one file per article; `jsonl`: the JSON Lines
 * file, whose `file.jsonl:LINE` paths carry Reuters' own codes).
 */
export async function cachedReutersDatabase(
  name: string,
  from: 'files' | 'jsonl',
): Promise<{ file: string; cached: boolean; ingestSeconds: number | null }> {
  const given = arg('--db');
  if (given) return { file: path.resolve(given), cached: true, ingestSeconds: null };
  const { ANALYZER_VERSION } = await import('../src/nlp/analyze.js');
  const { MIGRATIONS } = await import('../src/store/schema.js');
  const dir = path.join(ROOT, 'bench', 'tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `reuters-${name}-a${ANALYZER_VERSION}-s${MIGRATIONS.length}.db`);
  if (fs.existsSync(file)) return { file, cached: true, ingestSeconds: null };
  let input: string;
  if (from === 'files') input = explodeReuters();
  else {
    input = path.join(dir, 'reuters.jsonl');
    fs.writeFileSync(input, zlib.gunzipSync(fs.readFileSync(REUTERS_JSONL)));
  }
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  process.stderr.write(`ingesting Reuters-21578 into ${file} (cached for later runs)\n`);
  const started = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'corpus.cjs'), 'ingest', input, '--db', partial, '--quiet'], {
    stdio: 'inherit',
  });
  const ingestSeconds = Math.round((performance.now() - started) / 100) / 10;
  fs.renameSync(partial, file);
  if (from === 'files') fs.rmSync(path.dirname(input), { recursive: true, force: true });
  return { file, cached: false, ingestSeconds };
}
