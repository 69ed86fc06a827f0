import { describe, expect, it } from 'vitest';
import { ReadPaths } from '../src/ingest/read-paths.js';

describe('the paths read from one file', () => {
  it('holds line paths as bits and any other path as itself, each once', () => {
    const seen = new ReadPaths('/data/a.jsonl');
    for (const path of [
      '/data/a.jsonl:1',
      '/data/a.jsonl:70000',
      '/data/a.jsonl:1',
      '/data/a.jsonl#42',
      '/data/a.jsonl:007',
    ])
      seen.add(path);
    expect(seen.size).toBe(4);
    expect(seen.has('/data/a.jsonl:1')).toBe(true);
    expect(seen.has('/data/a.jsonl:70000')).toBe(true);
    expect(seen.has('/data/a.jsonl:2')).toBe(false);
    expect(seen.has('/data/a.jsonl:9999999')).toBe(false);
    expect(seen.has('/data/a.jsonl#42')).toBe(true);
    // A leading zero is another path, not line 7.
    expect(seen.has('/data/a.jsonl:7')).toBe(false);
    expect(seen.has('/data/a.jsonl:007')).toBe(true);
    // Another file's line is not this file's.
    expect(seen.has('/data/b.jsonl:1')).toBe(false);
  });
});
