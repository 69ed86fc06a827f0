import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The project's model/ folder. Found by walking up from this file because the code runs both
 * compiled (dist/src/nlp/ner) and from source under vitest (src/nlp/ner).
 */
export function modelDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'model'))) return (cached = join(dir, 'model'));
    const up = dirname(dir);
    if (up === dir) throw new Error('model/ folder not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}
