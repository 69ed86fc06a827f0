import type Database from 'better-sqlite3';
import type { Db } from './db.js';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection: a search runs a dozen small queries. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    // Statements with inlined ids vary; keep the cache bounded.
    if (cache.size > 200) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}
