-- A rebuild says what it skipped (records that cannot be read or applied, which the live consumer dead-lettered):
-- how many, and the first of them with their reasons, instead of reporting plain success.
ALTER TABLE clip_rebuild ADD COLUMN records_skipped bigint NOT NULL DEFAULT 0;
ALTER TABLE clip_rebuild ADD COLUMN skipped_sample text;
ALTER TABLE clip_rebuild DROP CONSTRAINT clip_rebuild_state_check;
ALTER TABLE clip_rebuild ADD CONSTRAINT clip_rebuild_state_check
    CHECK (state IN ('running', 'succeeded', 'succeeded-with-skips', 'failed'));
