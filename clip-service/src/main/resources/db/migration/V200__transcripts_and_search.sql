-- Transcripts and search (owned by the transcripts feature; numbered from 200). Rows here are projections of the
-- episode events, written in the same transaction as the read model (EpisodeEventApplier -> TranscriptProjector),
-- and replaced as a whole by each applied upsert. They cascade with clip_episode rows (rebuilds, deletes).

-- The transcript of an episode's current version. status 'unreadable' keeps a file the engine could not read
-- (the catalog's PUT validates, but the episode body may carry any file): no cues, the error kept for operators.
CREATE TABLE clip_transcript (
    episode_id  uuid        PRIMARY KEY REFERENCES clip_episode (episode_id) ON DELETE CASCADE,
    version     bigint      NOT NULL CHECK (version >= 1),
    format      text        NOT NULL,
    sha256      text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('ok', 'unreadable')),
    error       text,
    cue_count   integer     NOT NULL CHECK (cue_count >= 0),
    updated_at  timestamptz NOT NULL
);

-- One row per cue, in file order (idx), with the chapter containing its start (null when the episode has no
-- chapters). The tsvector is generated so that it can never disagree with the text.
CREATE TABLE clip_transcript_cue (
    episode_id    uuid    NOT NULL REFERENCES clip_transcript (episode_id) ON DELETE CASCADE,
    idx           integer NOT NULL CHECK (idx >= 0),
    start_ms      bigint  NOT NULL CHECK (start_ms >= 0),
    end_ms        bigint  NOT NULL CHECK (end_ms >= start_ms),
    speaker       text,
    text          text    NOT NULL,
    chapter_index integer CHECK (chapter_index >= 0),
    tsv           tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (episode_id, idx)
);
CREATE INDEX clip_transcript_cue_tsv ON clip_transcript_cue USING gin (tsv);
CREATE INDEX clip_transcript_cue_time ON clip_transcript_cue (episode_id, start_ms);

-- The other searchable texts of an episode: each chapter title (kind 'chapter', weighted A) and the show notes as
-- plain text (kind 'notes', weighted C), so that a title hit outranks the same words in passing.
CREATE TABLE clip_search_doc (
    episode_id    uuid    NOT NULL REFERENCES clip_episode (episode_id) ON DELETE CASCADE,
    kind          text    NOT NULL CHECK (kind IN ('chapter', 'notes')),
    position      integer NOT NULL CHECK (position >= 0),
    chapter_index integer,
    start_ms      bigint  NOT NULL CHECK (start_ms >= 0),
    body          text    NOT NULL,
    tsv           tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', body),
                      CASE WHEN kind = 'chapter' THEN 'A'::"char" ELSE 'C'::"char" END)) STORED,
    PRIMARY KEY (episode_id, kind, position)
);
CREATE INDEX clip_search_doc_tsv ON clip_search_doc USING gin (tsv);
