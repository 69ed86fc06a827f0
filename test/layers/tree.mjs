// Runs the program from the compiled tree (dist/src), not the bundle bin/corpus.cjs prefers: the
// layer checks read the module graph of the sources' own files.
import { main } from '../../dist/src/cli/main.js';

process.exitCode = await main(process.argv);
