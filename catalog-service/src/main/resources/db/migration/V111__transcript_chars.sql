-- An episode's length of transcript, so lists and single reads report it without loading the body (up to 2,000,000
-- characters each: a page of 100 used to pull 200 MB of transcripts into the heap to count them).
ALTER TABLE episodes ADD COLUMN transcript_chars integer;
UPDATE episodes SET transcript_chars = char_length(transcript_body) WHERE transcript_body IS NOT NULL;
