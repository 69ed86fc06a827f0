#!/usr/bin/env node
// `npm install` (the install script): builds the ranking extension search loads
// (native/corpus_rank.c → build/Release/corpus_rank.node) with node-gyp, as better-sqlite3 builds
// its addon. Optional: where it cannot be built (no compiler), the install goes on and search ranks
// with FTS5's own bm25() (the same scores where the counts corpus_bm25 is given are exact: up to 100,000
// documents), slower on a large corpus; this says so in one line.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const run = spawnSync('node-gyp', ['rebuild'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (run.status !== 0) {
  const why = run.error ? run.error.message : (run.stderr || '').trim().split('\n').slice(-3).join(' ');
  process.stderr.write(
    `corpus: the ranking extension was not built (${why || `node-gyp exited ${run.status}`}); search will rank with FTS5's bm25(), slower on a large corpus\n`,
  );
}
