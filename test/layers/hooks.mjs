// module.register hooks (run on the loader thread): log each resolved ES module with its importer.
import fs from 'node:fs';

let log;

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  fs.appendFileSync(log, `${JSON.stringify([context.parentURL ?? null, result.url])}\n`);
  return result;
}
