/** Runs in every test file before its tests (vitest `setupFiles`). */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
