import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { UserError } from '../core/errors.js';

export interface DiscoverOptions {
  /** Extensions the readers accept, with the dot (`.txt`). */
  extensions: readonly string[];
  /** Files never to read, such as the database itself and its -wal/-shm companions. */
  exclude?: readonly string[];
}

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * The files named by PATH|GLOB arguments, as absolute paths in a stable (sorted) order.
 * Folders are walked recursively; hidden files and folders and node_modules are skipped; symbolic
 * links to folders are not followed (fast-glob's default follows link loops deep), unreadable
 * folders are passed over rather than thrown on. A path that names nothing is a usage error.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const exts = options.extensions.map((e) => e.slice(1)).join(',');
  const excluded = new Set((options.exclude ?? []).map((f) => path.resolve(f)));
  const found = new Set<string>();
  const globOptions: fg.Options = {
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    absolute: true,
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**'],
  };
  const readable = new Set(options.extensions.map((e) => e.toLowerCase()));

  for (const input of inputs) {
    const stat = safeStat(input);
    if (stat?.isFile()) {
      found.add(path.resolve(input)); // named explicitly: read it even if its extension is unusual
    } else if (stat?.isDirectory()) {
      const cwd = path.resolve(input);
      for (const file of await fg(`**/*.{${exts}}`, { ...globOptions, cwd })) found.add(path.normalize(file));
    } else if (GLOB_CHARS.test(input)) {
      const matches = await fg(fg.isDynamicPattern(input) ? input.replace(/\\/g, '/') : input, globOptions);
      if (matches.length === 0) throw new UserError(`${input}: no files match`);
      // A glob like `news/*` may catch images and the like: keep what a reader can read.
      for (const file of matches) if (readable.has(path.extname(file).toLowerCase())) found.add(path.normalize(file));
    } else {
      throw new UserError(`${input}: no such file or folder`);
    }
  }
  return [...found].filter((f) => !excluded.has(f)).sort();
}

function safeStat(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
