import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { UserError } from '../core/errors.js';
import { displayName, rememberBytePath } from './paths.js';
import { gunzipStart, specialFile } from './read.js';
import { SIDECAR_NAME } from './sidecar.js';
import { sgmlFormat, startsAsSgmlNews } from './readers/sgml.js';
import { rememberFormat } from './formats.js';

export interface DiscoverOptions {
  /** Extensions the readers accept, with the dot (`.txt`). */
  extensions: readonly string[];
  /** Files never to read, such as the database itself and its -wal/-shm companions. */
  exclude?: readonly string[];
  /** One line for each file or folder passed over for a reason the user may not expect. */
  note?: (message: string) => void;
  /** One line for each folder that could not be read: files in it may be missed (a failure, exit 1). */
  fail?: (message: string) => void;
}

/** The key hidden files and folders are counted under among the skipped extensions. */
const HIDDEN = '\u0000hidden';

/** Characters that make an argument naming nothing a glob. */
export const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * The files named by PATH|GLOB arguments, as absolute paths in a stable (sorted) order.
 * An argument that exists is taken literally, whatever characters its name holds (`\`, `*`, `[`);
 * only an argument that names nothing is a glob. Folders are walked recursively by our own walker,
 * which reads names as bytes (a name that is not UTF-8 is still read), follows symbolic links to
 * files and to folders (each real folder walked once, so link loops end), and says on stderr what
 * it passes over: files of other types, unreadable folders, broken links. Hidden files and folders
 * and node_modules are skipped by design. A path that names nothing is a usage error.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const excluded = new Set((options.exclude ?? []).map((f) => path.resolve(f)));
  const found = new Set<string>();
  const readable = new Set(options.extensions.map((e) => e.toLowerCase()));
  const note = options.note ?? (() => {});
  const fail = options.fail ?? note;
  const globOptions: fg.Options = {
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: true,
    suppressErrors: true,
    absolute: true,
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**'],
  };

  for (const input of inputs) {
    const stat = safeStat(input);
    if (stat?.isFile() && path.basename(input) === SIDECAR_NAME) {
      // A shell's `folder/*` names it too: the articles' metadata, read with them, not an article.
      note(`${input}: skipped (metadata for the articles beside it, not an article)`);
    } else if (stat?.isFile()) {
      const file = path.resolve(input);
      // Named explicitly: read it even if its extension is unusual.
      knowByContent(file);
      found.add(file);
    } else if (stat?.isDirectory()) {
      const other = new Map<string, number>();
      walk(Buffer.from(path.resolve(input)), readable, found, new Set(), other, note, fail);
      if (other.size > 0) {
        const total = [...other.values()].reduce((a, b) => a + b, 0);
        const kinds = [...other]
          .sort((a, b) => b[1] - a[1])
          .map(
            ([ext, n]) =>
              `${ext === HIDDEN ? 'hidden' : ext === NUMBERED_NAME ? 'numbered' : ext || 'no extension'} ×${n}`,
          )
          .join(', ');
        note(`${input}: skipped ${total} file${total === 1 ? '' : 's'} of other types (${kinds})`);
      }
    } else if (stat) {
      // Named explicitly, a pipe or a device fails as a file (exit 1) when read, saying why.
      found.add(path.resolve(input));
    } else if (GLOB_CHARS.test(input)) {
      const matches = await fg(fg.isDynamicPattern(input) ? input : fg.escapePath(input), globOptions);
      if (matches.length === 0) throw new UserError(`${input}: no files match`);
      // A glob like `news/*` may catch images and the like: keep what a reader can read.
      for (const file of matches) {
        const lower = file.toLowerCase();
        if ([...readable].some((e) => lower.endsWith(e))) found.add(path.normalize(file));
      }
    } else {
      throw new UserError(`${input}: no such file or folder`);
    }
  }
  return [...found].filter((f) => !excluded.has(f)).sort();
}

/** Walk one folder (as bytes); `visited` holds the real folders already walked (dev:ino). */
function walk(
  dir: Buffer,
  readable: Set<string>,
  found: Set<string>,
  visited: Set<string>,
  other: Map<string, number>,
  note: (message: string) => void,
  fail: (message: string) => void,
): void {
  let stat: fs.Stats;
  let entries: fs.Dirent<Buffer>[];
  try {
    stat = fs.statSync(dir);
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    fail(`${displayName(dir)}: folder not read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  const id = `${stat.dev}:${stat.ino}`;
  if (visited.has(id)) return; // a link back to a folder already walked
  visited.add(id);
  const sep = Buffer.from(path.sep);
  // Sorted, so that of two links to one folder the same one is walked on every run.
  entries.sort((a, b) => Buffer.compare(a.name as Buffer, b.name as Buffer));
  for (const entry of entries) {
    const name = entry.name as Buffer;
    if (name[0] === 0x2e /* . */) {
      // Hidden files and folders are passed over by design (.git, .DS_Store), and counted in the line
      // that says what was passed over, so none is skipped without a word.
      other.set(HIDDEN, (other.get(HIDDEN) ?? 0) + 1);
      continue;
    }
    const full = Buffer.concat([dir, sep, name]);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let special = entry.isSymbolicLink() ? null : specialFile(entry);
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
        special = specialFile(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        note(
          `${displayName(full)}: symbolic link not followed (${code === 'ELOOP' ? 'link loop' : code === 'ENOENT' ? 'broken link' : code})`,
        );
        continue;
      }
    }
    if (special) {
      note(`${displayName(full)}: ${special}`);
    } else if (isDir) {
      if (name.toString('latin1') === 'node_modules') continue;
      walk(full, readable, found, visited, other, note, fail);
    } else if (isFile) {
      const shown = displayName(full);
      const ext = path.extname(shown).toLowerCase();
      // Compound extensions (`.warc.gz`) by suffix: path.extname sees only `.gz`.
      const lower = shown.toLowerCase();
      if (!readable.has(ext) && ![...readable].some((e) => lower.endsWith(e))) {
        if (!knowByContent(shown, full)) {
          const kind = NUMBERED.test(ext) ? NUMBERED_NAME : ext;
          other.set(kind, (other.get(kind) ?? 0) + 1);
          continue;
        }
      }
      rememberBytePath(shown, full);
      found.add(shown);
    }
  }
}

/** A name whose last dot starts a number (`APW19980601.0003`, `log.1`): a serial, not a format. */
const NUMBERED = /^\.\d+$/;
/** How files of such names are counted among those passed over (one kind, not `.0001`, `.0002`…). */
const NUMBERED_NAME = '\u0000numbered';

/**
 * A file whose name says no format (no extension, a number after its last dot as AQUAINT's and TDT's
 * story files have, or `.gz` alone) but that starts as an SGML news collection (TREC's `la010189`,
 * `APW19980601.0003`, Gigaword's `afp_eng_199405.gz`) is read as one, by this name. Whether it was;
 * `bytes` is its name as bytes where the walk has it.
 */
export function knowByContent(file: string, bytes: Buffer = Buffer.from(file)): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '' && ext !== '.gz' && !NUMBERED.test(ext)) return false;
  const gzipped = ext === '.gz';
  if (!startsAsSgmlNews(fileStart(bytes, gzipped))) return false;
  rememberFormat(file, sgmlFormat, gzipped);
  return true;
}

/** The first bytes of a file (decompressed from the first 4 KB when gzipped) as Latin-1 text; '' when unreadable. */
function fileStart(file: Buffer, gzipped: boolean): string {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const head = Buffer.alloc(gzipped ? 4096 : 256);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const bytes = gzipped ? gunzipStart(head.subarray(0, n)) : head.subarray(0, n);
    return bytes ? bytes.subarray(0, 256).toString('latin1') : '';
  } catch {
    return ''; // unreadable, or no gzip data: counted with the other files passed over
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function safeStat(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
