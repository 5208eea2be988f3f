-- Search reads chapter titles and show notes as two sources (search.SearchService), each with its own kind = '…'. One
-- GIN index over both made the notes source build a bitmap of every matching title too: 15,017 rows to keep 101 notes
-- for "sqlite" at 10,000 episodes (1.2 ms), where an index of the notes alone holds a twenty-sixth of the rows. Same
-- answers; the 15 queries of benchmarks/load/browse-pages.sh took 104 ms in all under EXPLAIN ANALYZE instead of 120
-- (BENCHMARKS.md §10).
CREATE INDEX clip_search_doc_chapter_tsv ON clip_search_doc USING gin (tsv) WHERE kind = 'chapter';
CREATE INDEX clip_search_doc_notes_tsv ON clip_search_doc USING gin (tsv) WHERE kind = 'notes';
DROP INDEX clip_search_doc_tsv;
