// Preloaded with `node --import`: records every module the process loads, as [parent URL, URL]
// lines in $CORPUS_LAYER_LOG. ES modules through a module.register resolve hook (test/layers/hooks.mjs);
// CommonJS (including createRequire, which no source scan can follow) through Module._load.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.CORPUS_LAYER_LOG;
register(new URL('./hooks.mjs', import.meta.url), { data: { log } });

const load = Module._load;
Module._load = function (request, parent, isMain) {
  let file = request;
  try {
    file = Module._resolveFilename(request, parent, isMain);
  } catch {
    // let the real loader report it
  }
  const url = file.startsWith('/') ? pathToFileURL(file).href : file;
  const from = parent?.filename ? pathToFileURL(parent.filename).href : null;
  fs.appendFileSync(log, `${JSON.stringify([from, url])}\n`);
  return load.apply(this, arguments);
};
