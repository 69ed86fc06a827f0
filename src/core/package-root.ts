import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null | undefined;

/**
 * A path inside the package's own folder (its model/, the ranking extension it builds), found from
 * this module up to the first folder with a package.json: the code runs compiled (dist/src/...),
 * bundled (dist/bundle/...) and from source under vitest (src/...), all below it. Null outside any
 * package.
 */
export function packagePath(...parts: string[]): string | null {
  if (root === undefined) {
    root = null;
    for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) {
        root = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return root === null ? null : join(root, ...parts);
}
