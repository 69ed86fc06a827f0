#!/usr/bin/env node
// Launcher only: the program is compiled to dist/ by `npm install` (the prepare script): dist/src by
// tsc, and dist/bundle, the same program in a few files, which starts faster (tools/bundle.ts). The
// bundle is used only when it is not older than dist/src, so a `tsc` run alone never leaves this
// launcher running stale code.
import fs from 'node:fs';

const bundle = new URL('../dist/bundle/cli/main.js', import.meta.url);
const tree = new URL('../dist/src/cli/main.js', import.meta.url);
const modified = (url) => fs.statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? Number.NaN;
const { main } = await import(modified(bundle) >= modified(tree) ? bundle.href : tree.href);

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // `corpus search x | head` is not an error
  throw error;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
