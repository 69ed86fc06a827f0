import Database from 'better-sqlite3';
const proto = Database.prototype; const orig = proto.prepare; let n = 0, t = 0; const sqls = [];
proto.prepare = function (sql) { const s = performance.now(); const r = orig.call(this, sql); t += performance.now() - s; n++; sqls.push(sql.replace(/\s+/g,' ').slice(0,90)); return r; };
const oexec = proto.exec; let ne=0, te=0; proto.exec = function (sql) { const s = performance.now(); const r = oexec.call(this, sql); te += performance.now() - s; ne++; sqls.push('EXEC '+sql.replace(/\s+/g,' ').slice(0,80)); return r; };
const { main } = await import('/work/main/dist/src/cli/main.js');
const s0 = performance.now();
await main(['node', 'corpus', 'search', '--db', '/tmp/final4.db', ...process.argv.slice(2)]);
process.stderr.write(`prepares ${n} ${t.toFixed(1)} ms; exec ${ne} ${te.toFixed(1)} ms; total ${(performance.now()-s0).toFixed(1)}\n`);
process.stderr.write(sqls.join('\n')+'\n');
