import Database from 'better-sqlite3';
const db = new Database('/tmp/final4.db', { readonly: true });
db.pragma('mmap_size=2147418112');
const ids = db.prepare("SELECT rowid id FROM documents_fts WHERE documents_fts MATCH 'bank'").all().map(r=>r.id);
db.exec('CREATE TEMP TABLE f (id INTEGER PRIMARY KEY)'); db.prepare('INSERT INTO f SELECT value FROM json_each(?)').run(JSON.stringify(ids));
const T=(n,fn,rep=15)=>{const v=[];let r;for(let i=0;i<rep;i++){const t=performance.now();r=fn();v.push(performance.now()-t);}v.sort((a,b)=>a-b);console.log(n.padEnd(12),'min',v[0].toFixed(1),'p25',v[3].toFixed(1),String(JSON.stringify(r)).slice(0,80));};
const TOP=`SELECT type, value, count FROM (SELECT e.type AS type, e.name AS value, c.n AS count, row_number() OVER (PARTITION BY e.type ORDER BY c.n DESC, e.name) AS r FROM c JOIN entities e ON e.id = c.id) WHERE r <= 10 ORDER BY type, count DESC, value`;
const cur=db.prepare(`WITH c AS (SELECT entity_id AS id, count(*) AS n FROM (SELECT m.entity_id, m.doc_id FROM f CROSS JOIN mentions m ON m.doc_id = f.id WHERE m.entity_id IS NOT NULL GROUP BY m.doc_id, m.entity_id) GROUP BY entity_id) ${TOP}`);
const cnt=db.prepare(`SELECT entity_id AS id, count(*) AS n FROM (SELECT m.entity_id, m.doc_id FROM f CROSS JOIN mentions m ON m.doc_id = f.id WHERE m.entity_id IS NOT NULL GROUP BY m.doc_id, m.entity_id) GROUP BY entity_id`);
const dist=db.prepare(`SELECT entity_id AS id, count(*) AS n FROM (SELECT DISTINCT m.doc_id, m.entity_id FROM f CROSS JOIN mentions m ON m.doc_id = f.id WHERE m.entity_id IS NOT NULL) GROUP BY entity_id`);
const rows=db.prepare(`SELECT m.doc_id, m.entity_id FROM f CROSS JOIN mentions m ON m.doc_id = f.id WHERE m.entity_id IS NOT NULL`).raw();
const ent=db.prepare('SELECT type, name FROM entities WHERE id = ?').raw();
function js(){ const counts=new Map(); let doc=-1; let seen=new Set(); for (const [d,e] of rows.iterate()){ if(d!==doc){doc=d;seen.clear();} if(seen.has(e))continue; seen.add(e); counts.set(e,(counts.get(e)??0)+1);} return counts; }
function jstop(){ const counts=js(); const sorted=[...counts].sort((a,b)=>b[1]-a[1]); const by=new Map(); let full=0; let i=0; for(;i<sorted.length;i++){const [id,n]=sorted[i]; const [type,name]=ent.get(id); const l=by.get(type)??[]; by.set(type,l); if(l.length<10){l.push([name,n]);} } return i; }
T('current',()=>cur.all().length);
T('counts',()=>cnt.all().length);
T('distinct',()=>dist.all().length);
T('js counts',()=>js().size);
T('js top',()=>jstop());
