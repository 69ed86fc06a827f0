const t0 = performance.now();
const { main } = await import('/work/main/dist/bundle/cli/main.js');
const t1 = performance.now();
await main(['node', 'corpus', 'search', '--db', '/tmp/final4.db', 'oil', 'prices']);
process.stderr.write(`T ${(t1 - t0).toFixed(1)} ${(performance.now() - t1).toFixed(1)} ${performance.now().toFixed(1)}\n`);
