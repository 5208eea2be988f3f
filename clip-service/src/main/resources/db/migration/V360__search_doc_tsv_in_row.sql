-- Search ranks up to 101 show notes candidates per query (ts_rank over their tsvectors). A notes text's tsvector
-- (~2.7 KB for the demo's notes) does not compress by the quarter PostgreSQL asks of it, so the row went over the
-- 2 KB toast target and the vector was stored out of line: every candidate cost a lookup in the TOAST table's index
-- and two chunk reads. STORAGE MAIN keeps the vector in the row; the notes body, which only the page's ten
-- snippets read, is what moves out of line instead. The 15 benchmark statements took a third less time and the
-- search page's maximum rate of misses rose by about a third (BENCHMARKS.md §10; SearchBucketsTest checks the
-- storage). Chapter titles' vectors are small and were always in the row.
ALTER TABLE clip_search_doc ALTER COLUMN tsv SET STORAGE MAIN;
-- A row keeps the storage it was written with: rewrite the notes rows once (one per episode); the generated
-- vector comes out the same.
UPDATE clip_search_doc SET body = body WHERE kind = 'notes';
