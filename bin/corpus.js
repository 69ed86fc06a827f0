#!/usr/bin/env node
// Launcher only: the program is compiled to dist/ by `npm install` (the prepare script).
import { main } from '../dist/src/cli/main.js';

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // `corpus search x | head` is not an error
  throw error;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
