import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../../core/package-root.js';

let cached: string | null = null;

/** The project's model/ folder, at the package's root (see packagePath). */
export function modelDir(): string {
  if (cached) return cached;
  const dir = packagePath('model');
  if (dir === null || !existsSync(dir))
    throw new Error('model/ folder not found above ' + fileURLToPath(import.meta.url));
  return (cached = dir);
}
