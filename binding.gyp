# The FTS5 ranking extension search loads (native/corpus_rank.c), built by native/build.cjs at install
# against the SQLite headers better-sqlite3 ships, the SQLite it is loaded into.
{
  'targets': [
    {
      'target_name': 'corpus_rank',
      'sources': ['native/corpus_rank.c'],
      'include_dirs': ['<!(node -p "require(\'path\').join(require(\'path\').dirname(require.resolve(\'better-sqlite3/package.json\')), \'deps\', \'sqlite3\')")'],
      'cflags': ['-O2'],
    },
  ],
}
