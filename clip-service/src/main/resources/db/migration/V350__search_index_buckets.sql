-- Each search source's GIN index split in eight by a hash of the episode id (search.SearchService reads the buckets
-- in turn and stops once its candidate bound is full). A GIN index is read as a bitmap of every row matching, so a
-- word in an eighth of a catalog cost its whole posting list before the first candidate: 20,016 chapter titles for
-- "postgres" at 10,000 episodes, ~2 ms of a ~4 ms search. A bucket holds an eighth of it; a rare word pays eight
-- small lookups instead of one (BENCHMARKS.md §10). SearchService writes the same predicate, with
-- SearchLimits.SCAN_BUCKETS buckets; SearchBucketsTest checks that the planner uses these indexes for it.
DO $$
BEGIN
    FOR b IN 0..7 LOOP
        EXECUTE format('CREATE INDEX clip_transcript_cue_tsv_b%s ON clip_transcript_cue USING gin (tsv)'
                       ' WHERE (uuid_hash(episode_id) & 7) = %s', b, b);
        EXECUTE format('CREATE INDEX clip_search_doc_chapter_tsv_b%s ON clip_search_doc USING gin (tsv)'
                       ' WHERE kind = ''chapter'' AND (uuid_hash(episode_id) & 7) = %s', b, b);
        EXECUTE format('CREATE INDEX clip_search_doc_notes_tsv_b%s ON clip_search_doc USING gin (tsv)'
                       ' WHERE kind = ''notes'' AND (uuid_hash(episode_id) & 7) = %s', b, b);
    END LOOP;
END
$$;
DROP INDEX clip_transcript_cue_tsv;
DROP INDEX clip_search_doc_chapter_tsv;
DROP INDEX clip_search_doc_notes_tsv;
