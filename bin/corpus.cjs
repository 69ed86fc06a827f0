#!/usr/bin/env node
// Launcher only: the program is compiled to dist/ by `npm install` (the prepare script): dist/src by
// tsc, and dist/bundle by tools/bundle.ts, which starts faster: each query command as a one-file
// CommonJS program of its own (dist/bundle/commands/<name>.cjs), and the whole program for the rest
// (dist/bundle/cli/main.js). A bundle file runs only when it is not older than dist/src, so a `tsc`
// run alone never leaves this launcher running stale code. CommonJS, like the command programs:
// node's ES module loader costs a query command ~15 ms it need not spend.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = path.join(__dirname, '..', 'dist');
const tree = path.join(dist, 'src', 'cli', 'main.js');
const modified = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Number.NaN;
const fresh = (file) => modified(file) >= modified(tree);

async function program() {
  const command = process.argv[2];
  const own = /^[a-z]+$/.test(command ?? '') ? path.join(dist, 'bundle', 'commands', `${command}.cjs`) : null;
  if (own && fresh(own)) return require(own);
  const whole = path.join(dist, 'bundle', 'cli', 'main.js');
  return import(pathToFileURL(fresh(whole) ? whole : tree).href);
}

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // `corpus search x | head` is not an error
  throw error;
});
program()
  .then(({ main }) => main(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
