/*
 * corpus_rank: an SQLite extension adding one FTS5 ranking function, corpus_bm25.
 *
 * Why: FTS5's own bm25() counts the documents of every phrase of the query on its first call in a
 * statement, by running each phrase over its whole doclist, however few rows the statement scores.
 * At a million articles that count is most of a search: scoring the latest 1,000 matches of `said`
 * took 38 ms with bm25() and 3 ms without the count. The search already knows each word's document
 * count (its cost bound and its idf read them), so it hands them in.
 *
 *   corpus_bm25(fts, w_0, ..., w_{c-1}, counts)
 *
 * w_i: the weight of column i, as bm25() takes them. counts: the documents of each query term, as
 * text, one `phrase<TAB>documents` a line, a phrase as its tokens joined by spaces (the tokens as the
 * index's tokenizer writes them: `interest rate`); a phrase not listed is counted as bm25() counts it.
 * With the counts bm25() would find, the score is bm25()'s exactly (same k1, b, idf floor, column
 * weights and sign: lower is better).
 *
 * Each document's length (its tokens, title and body) is read from the store's doc_lengths table,
 * LENGTH_BLOCK documents a row, rather than asked of FTS5 (xColumnSize), which seeks its docsize
 * table once a document: that seek was two thirds of scoring (every match of `trade` at a million
 * articles, 147,070 documents: 65 ms with it, 20 with the table). A document the table does not give
 * (no table, no block, a length of 0) is asked of FTS5, so the score stays bm25()'s.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define K1 1.2
#define B 0.75
/* Documents a row of doc_lengths holds, each as 2 bytes, little-endian (src/store/doc-lengths.ts). */
#define LENGTH_BLOCK 4096

/* What one statement's calls share: each phrase's idf, the mean document length, and the row of
 * doc_lengths last read (FTS5 hands rows in id order, so most documents are in the row before). */
typedef struct {
  int nPhrase;
  double avgdl;
  double *idf;
  double *freq;
  sqlite3_stmt *lengths;
  sqlite3_int64 block;
  const unsigned char *blockData;
  int blockBytes;
} Statistics;

static void freeStatistics(void *p) {
  Statistics *s = (Statistics *)p;
  if (!s) return;
  sqlite3_finalize(s->lengths);
  sqlite3_free(s->idf);
  sqlite3_free(s->freq);
  sqlite3_free(s);
}

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)ctx)++;
  return SQLITE_OK;
}

/* The documents listed for `key` (`n` bytes) in `counts` (`term\tdocuments\n`...), or -1. */
static sqlite3_int64 listedCount(const char *counts, const char *key, size_t n) {
  const char *line = counts;
  while (line && *line) {
    const char *tab = strchr(line, '\t');
    const char *end = strchr(line, '\n');
    if (!tab || (end && tab > end)) return -1;
    if ((size_t)(tab - line) == n && memcmp(line, key, n) == 0) return strtoll(tab + 1, 0, 10);
    line = end ? end + 1 : 0;
  }
  return -1;
}

/* The documents of phrase `phrase`: listed in `counts` under its tokens joined by spaces, or else
 * counted over its doclist as bm25() counts it. */
static int phraseCount(const Fts5ExtensionApi *api, Fts5Context *fts, int phrase, const char *counts,
                       sqlite3_int64 *out) {
  int nToken = api->xPhraseSize(fts, phrase);
  sqlite3_int64 listed = -1;
  if (counts && nToken > 0) {
    sqlite3_str *key = sqlite3_str_new(0);
    int whole = 1;
    for (int t = 0; t < nToken && whole; t++) {
      const char *token = 0;
      int n = 0;
      whole = api->xQueryToken(fts, phrase, t, &token, &n) == SQLITE_OK && token;
      if (t > 0) sqlite3_str_appendchar(key, 1, ' ');
      if (whole) sqlite3_str_append(key, token, n);
    }
    int length = sqlite3_str_length(key);
    char *text = sqlite3_str_finish(key);
    if (!text && length > 0) return SQLITE_NOMEM;
    /* A phrase whose tokens cannot all be read is counted, never looked up by a part of it. */
    if (text && whole) listed = listedCount(counts, text, (size_t)length);
    sqlite3_free(text);
  }
  if (listed >= 0) {
    *out = listed;
    return SQLITE_OK;
  }
  *out = 0;
  return api->xQueryPhrase(fts, phrase, (void *)out, countRow);
}

/* The document's tokens: from its row of doc_lengths, or else from FTS5. */
static int documentLength(const Fts5ExtensionApi *api, Fts5Context *fts, Statistics *s, int *out) {
  sqlite3_int64 id = api->xRowid(fts);
  if (s->lengths && id >= 0) {
    sqlite3_int64 block = id / LENGTH_BLOCK;
    if (block != s->block) {
      s->block = block;
      s->blockData = 0;
      s->blockBytes = 0;
      sqlite3_reset(s->lengths);
      sqlite3_bind_int64(s->lengths, 1, block);
      if (sqlite3_step(s->lengths) == SQLITE_ROW) {
        s->blockData = (const unsigned char *)sqlite3_column_blob(s->lengths, 0);
        s->blockBytes = sqlite3_column_bytes(s->lengths, 0);
      }
    }
    sqlite3_int64 at = (id % LENGTH_BLOCK) * 2;
    if (s->blockData && at + 1 < s->blockBytes) {
      int n = s->blockData[at] | (s->blockData[at + 1] << 8);
      if (n > 0) {
        *out = n;
        return SQLITE_OK;
      }
    }
  }
  return api->xColumnSize(fts, -1, out);
}

static int statistics(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3 *db, const char *counts,
                      Statistics **out) {
  Statistics *s = (Statistics *)api->xGetAuxdata(fts, 0);
  if (s) {
    *out = s;
    return SQLITE_OK;
  }
  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = api->xRowCount(fts, &nRow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
  if (rc != SQLITE_OK) return rc;
  s = (Statistics *)sqlite3_malloc(sizeof(Statistics));
  if (!s) return SQLITE_NOMEM;
  memset(s, 0, sizeof(Statistics));
  s->nPhrase = api->xPhraseCount(fts);
  s->block = -1;
  /* No such table (a database made before it): every length is FTS5's. */
  if (sqlite3_prepare_v2(db, "SELECT lengths FROM main.doc_lengths WHERE block = ?1", -1, &s->lengths, 0) != SQLITE_OK)
    s->lengths = 0;
  s->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
  if (s->avgdl <= 0) s->avgdl = 1.0;
  s->idf = (double *)sqlite3_malloc64(sizeof(double) * (size_t)(s->nPhrase + 1));
  s->freq = (double *)sqlite3_malloc64(sizeof(double) * (size_t)(s->nPhrase + 1));
  if (!s->idf || !s->freq) {
    freeStatistics(s);
    return SQLITE_NOMEM;
  }
  for (int p = 0; p < s->nPhrase; p++) {
    sqlite3_int64 hits = 0;
    rc = phraseCount(api, fts, p, counts, &hits);
    if (rc != SQLITE_OK) {
      freeStatistics(s);
      return rc;
    }
    /* bm25()'s idf, floored as it floors it, so that a term in most documents still counts a little. */
    double idf = log((nRow - hits + 0.5) / (hits + 0.5));
    s->idf[p] = idf <= 0.0 ? 1e-6 : idf;
  }
  rc = api->xSetAuxdata(fts, s, freeStatistics);
  if (rc != SQLITE_OK) return rc;
  *out = s;
  return SQLITE_OK;
}

static void corpusBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal,
                       sqlite3_value **values) {
  int nCol = api->xColumnCount(fts);
  const char *counts = nVal > nCol ? (const char *)sqlite3_value_text(values[nCol]) : 0;
  Statistics *s = 0;
  int rc = statistics(api, fts, sqlite3_context_db_handle(ctx), counts, &s);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  memset(s->freq, 0, sizeof(double) * (size_t)s->nPhrase);
  int nInst = 0;
  rc = api->xInstCount(fts, &nInst);
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int phrase, column, offset;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && phrase >= 0 && phrase < s->nPhrase)
      s->freq[phrase] += column < nVal && column < nCol ? sqlite3_value_double(values[column]) : 1.0;
  }
  int nToken = 0;
  if (rc == SQLITE_OK) rc = documentLength(api, fts, s, &nToken);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double length = K1 * (1 - B + B * (double)nToken / s->avgdl);
  double score = 0.0;
  for (int p = 0; p < s->nPhrase; p++) score += s->idf[p] * (s->freq[p] * (K1 + 1.0)) / (s->freq[p] + length);
  sqlite3_result_double(ctx, -1.0 * score);
}

/*
 * Id sets: corpus_idset(id), an aggregate, makes a set of document ids as a blob (a bitmap from the
 * least id to the greatest); corpus_in(set, id) says whether id is in it (0 or 1; a NULL set is
 * empty). Why: a filter (the documents mentioning an entity, those of a date range) is tested
 * against every match of the query's words as FTS5 walks them, and SQLite's own `IN (subquery)`
 * probes a temporary b-tree for each: `trade --entity Japan` at a million articles tested 147,579
 * matches against 53,261 documents in 55 ms, 10 of them the walk itself. A bit costs a shift.
 */
typedef struct {
  sqlite3_int64 *ids;
  sqlite3_int64 n, capacity, least, most;
} IdCollector;

/* The widest span of ids a set may cover: a bitmap of 16 MB. Rowids are assigned one after the
 * other, so only a corpus of more than a hundred million documents written reaches it (search
 * checks the span first and filters with SQL's IN past it). */
#define MAX_SPAN (((sqlite3_int64)1) << 27)
#define HEADER ((int)sizeof(sqlite3_int64))

static void idsetStep(sqlite3_context *ctx, int nVal, sqlite3_value **values) {
  (void)nVal;
  if (sqlite3_value_type(values[0]) == SQLITE_NULL) return;
  IdCollector *c = (IdCollector *)sqlite3_aggregate_context(ctx, sizeof(IdCollector));
  if (!c) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_int64 id = sqlite3_value_int64(values[0]);
  if (c->n == c->capacity) {
    sqlite3_int64 capacity = c->capacity ? c->capacity * 2 : 1024;
    sqlite3_int64 *grown = (sqlite3_int64 *)sqlite3_realloc64(c->ids, sizeof(sqlite3_int64) * (sqlite3_uint64)capacity);
    if (!grown) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    c->ids = grown;
    c->capacity = capacity;
  }
  if (c->n == 0 || id < c->least) c->least = id;
  if (c->n == 0 || id > c->most) c->most = id;
  c->ids[c->n++] = id;
}

static void idsetFinal(sqlite3_context *ctx) {
  IdCollector *c = (IdCollector *)sqlite3_aggregate_context(ctx, 0);
  sqlite3_int64 least = c && c->n ? c->least : 0;
  sqlite3_int64 span = c && c->n ? c->most - c->least + 1 : 0;
  if (span > MAX_SPAN) {
    sqlite3_free(c->ids);
    sqlite3_result_error(ctx, "corpus_idset: the ids span more than 2^27", -1);
    return;
  }
  sqlite3_int64 bytes = HEADER + (span + 7) / 8;
  unsigned char *blob = (unsigned char *)sqlite3_malloc64((sqlite3_uint64)bytes);
  if (!blob) {
    if (c) sqlite3_free(c->ids);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  memset(blob, 0, (size_t)bytes);
  memcpy(blob, &least, sizeof least);
  for (sqlite3_int64 i = 0; c && i < c->n; i++) {
    sqlite3_int64 bit = c->ids[i] - least;
    blob[HEADER + bit / 8] |= (unsigned char)(1u << (bit % 8));
  }
  if (c) sqlite3_free(c->ids);
  sqlite3_result_blob64(ctx, blob, (sqlite3_uint64)bytes, sqlite3_free);
}

static void idsetHas(sqlite3_context *ctx, int nVal, sqlite3_value **values) {
  (void)nVal;
  int bytes = sqlite3_value_bytes(values[0]);
  const unsigned char *blob = (const unsigned char *)sqlite3_value_blob(values[0]);
  if (!blob || bytes < HEADER || sqlite3_value_type(values[1]) == SQLITE_NULL) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  sqlite3_int64 least;
  memcpy(&least, blob, sizeof least);
  sqlite3_int64 bit = sqlite3_value_int64(values[1]) - least;
  int has = bit >= 0 && bit < (sqlite3_int64)(bytes - HEADER) * 8 && (blob[HEADER + bit / 8] >> (bit % 8)) & 1;
  sqlite3_result_int(ctx, has);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_corpusrank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *fts = 0;
  sqlite3_stmt *statement = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, (void *)&fts, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
  }
  if (rc != SQLITE_OK || !fts || fts->iVersion < 3) {
    *error = sqlite3_mprintf("corpus_rank: this SQLite has no FTS5 of version 3 or later");
    return SQLITE_ERROR;
  }
  rc = fts->xCreateFunction(fts, "corpus_bm25", 0, corpusBm25, 0);
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  if (rc == SQLITE_OK) rc = sqlite3_create_function_v2(db, "corpus_idset", 1, flags, 0, 0, idsetStep, idsetFinal, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function_v2(db, "corpus_in", 2, flags, 0, idsetHas, 0, 0, 0);
  return rc;
}
