import path from 'node:path';

/**
 * A stored path as a person wants to read it: relative to `cwd` when the file lies below it
 * (the store keeps absolute paths so any working folder finds the same document).
 * `file.jsonl:LINE` paths keep their line suffix.
 */
export function displayPath(file: string, cwd: string | undefined): string {
  if (!cwd) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
