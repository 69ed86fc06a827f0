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
const vm = require('node:vm');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const dist = path.join(__dirname, '..', 'dist');
const tree = path.join(dist, 'src', 'cli', 'main.js');
const modified = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Number.NaN;
const fresh = (file) => modified(file) >= modified(tree);

/**
 * Node 20 keeps no compiled code between runs (22 has module.enableCompileCache): a query command
 * compiled the functions it runs anew every time. V8's code cache of a command's program, taken
 * after a run that succeeded (so it holds the functions that ran), is kept beside the program in
 * .cache/; V8 checks it against the source and its own version, and a rejected one is replaced.
 * Where dist/ is not writable the program simply runs without it.
 */
function requireWithCodeCache(file) {
  const cache = path.join(path.dirname(file), '.cache', `${path.basename(file, '.cjs')}-${process.version}.v8`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cache);
  } catch {
    // first run, or not readable: compile as usual
  }
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const save = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      const partial = `${cache}.${process.pid}`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cache); // whole or not at all, whoever else runs at the same time
    } catch {
      // a read-only install: no cache
    }
  };
  return { exports: module.exports, save };
}

let saveCodeCache = () => {};

async function program() {
  const command = process.argv[2];
  const own = /^[a-z]+$/.test(command ?? '') ? path.join(dist, 'bundle', 'commands', `${command}.cjs`) : null;
  if (own && fresh(own)) {
    const { exports, save } = requireWithCodeCache(own);
    saveCodeCache = save;
    return exports;
  }
  const whole = path.join(dist, 'bundle', 'cli', 'main.js');
  return import(pathToFileURL(fresh(whole) ? whole : tree).href);
}

// `corpus search x | head` is not an error. Hooked when node builds process.stdout, not before:
// building it costs a few ms of every start, and commands write a file or a pipe without it
// (src/cli/stdout.ts).
const stdoutGetter = Object.getOwnPropertyDescriptor(process, 'stdout');
Object.defineProperty(process, 'stdout', {
  ...stdoutGetter,
  get() {
    const stream = stdoutGetter.get.call(process);
    Object.defineProperty(process, 'stdout', { ...stdoutGetter, get: () => stream });
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    return stream;
  },
});
program()
  .then(({ main }) => main(process.argv))
  .then((code) => {
    process.exitCode = code;
    if (code === 0) saveCodeCache();
  });
