-- clip-service read model, fed by catalog.episodes.v1. All state lives here (and in Kafka) so instances are stateless.

-- One row per episode ever seen. A delete keeps the row as a tombstone marker (deleted = true, snapshot fields
-- cleared) so that a late, older upsert cannot resurrect the episode: versions only move forward.
CREATE TABLE clip_episode (
    episode_id      uuid PRIMARY KEY,
    version         bigint      NOT NULL CHECK (version >= 1),
    deleted         boolean     NOT NULL DEFAULT false,
    show_id         uuid,
    show_slug       text,
    show_title      text,
    title           text,
    slug            text,
    audio_url       text,
    video_url       text,
    page_url        text,
    published_at    timestamptz,
    duration_text   text,
    duration_ms     bigint CHECK (duration_ms >= 0),
    show_notes      text,
    chapters_source text CHECK (chapters_source IN ('explicit', 'notes')),
    chapter_count   integer     NOT NULL DEFAULT 0,
    event_id        uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (deleted OR (title IS NOT NULL AND chapters_source IS NOT NULL))
);
CREATE INDEX clip_episode_listing ON clip_episode (published_at DESC NULLS LAST, episode_id) WHERE NOT deleted;

-- The chapters of an episode's current version; replaced as a whole by each applied upsert.
CREATE TABLE clip_chapter (
    episode_id  uuid    NOT NULL REFERENCES clip_episode (episode_id) ON DELETE CASCADE,
    idx         integer NOT NULL CHECK (idx >= 0),
    start_ms    bigint  NOT NULL CHECK (start_ms >= 0),
    end_ms      bigint CHECK (end_ms >= start_ms),
    duration_ms bigint CHECK (duration_ms >= 0),
    title       text    NOT NULL,
    url         text,
    img         text,
    toc         boolean NOT NULL,
    PRIMARY KEY (episode_id, idx)
);

-- The engine's warnings for the current version, in the order raised.
CREATE TABLE clip_chapter_warning (
    episode_id    uuid    NOT NULL REFERENCES clip_episode (episode_id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    code          text    NOT NULL,
    message       text    NOT NULL,
    chapter_index integer,
    PRIMARY KEY (episode_id, position)
);

-- Every event id this service has applied or judged stale, written in the same transaction as the read-model
-- change it caused: an id found here is a duplicate and changes nothing.
CREATE TABLE clip_consumed_event (
    event_id        uuid PRIMARY KEY,
    episode_id      uuid        NOT NULL,
    episode_version bigint      NOT NULL,
    event_type      text        NOT NULL,
    outcome         text        NOT NULL,
    topic           text        NOT NULL,
    partition_no    integer     NOT NULL,
    record_offset   bigint      NOT NULL,
    consumed_at     timestamptz NOT NULL
);
CREATE INDEX clip_consumed_event_age ON clip_consumed_event (consumed_at);

-- Admin rebuilds of the read model from the topic; at most one running at a time across all instances.
CREATE TABLE clip_rebuild (
    id             uuid PRIMARY KEY,
    state          text        NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
    requested_by   text        NOT NULL,
    topic          text        NOT NULL,
    started_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    records_total  bigint      NOT NULL DEFAULT 0,
    records_read   bigint      NOT NULL DEFAULT 0,
    events_applied bigint      NOT NULL DEFAULT 0,
    error          text
);
CREATE UNIQUE INDEX clip_rebuild_one_running ON clip_rebuild ((true)) WHERE state = 'running';
