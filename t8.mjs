const { openDatabase, sqlite } = await import('/work/main/dist/src/store/db.js');
const { search } = await import('/work/main/dist/src/search/search.js');
const { facetCounts } = await import('/work/main/dist/src/store/facets.js');
const a = openDatabase('/tmp/final4.db', { readonly: true });
const b = openDatabase('/tmp/final4.db', { readonly: true });
sqlite(b).pragma('mmap_size = 0');
console.log(sqlite(a).pragma('mmap_size',{simple:true}), sqlite(b).pragma('mmap_size',{simple:true}));
for (const q of ['bank','trade','oil']) {
  const first = search(a, q, { limit: 1 });
  const ids = search(a, q, { limit: first.total }).hits.map((h) => h.id);
  const best = { mmap: [], none: [] };
  for (let i = 0; i < 25; i++) for (const [mode, s] of [['mmap', a], ['none', b]]) {
    const t = performance.now(); facetCounts(s, ids); best[mode].push(performance.now() - t);
  }
  const f = (v) => { v.sort((x, y) => x - y); return `min ${v[0].toFixed(1)} p25 ${v[6].toFixed(1)}`; };
  console.log(q, ids.length, 'mmap', f(best.mmap), '| none', f(best.none));
}
