-- Shows and episodes, and the transactional outbox that publishes episode changes to Kafka.
-- Limits mirror dev.podclip.catalog.common.CatalogLimits; the database is the last line of defence.

CREATE TABLE shows (
    id          uuid PRIMARY KEY,
    version     bigint        NOT NULL CHECK (version >= 1),
    slug        varchar(200)  NOT NULL,
    title       varchar(500)  NOT NULL,
    author      varchar(500),
    site_url    varchar(2048),
    image_url   varchar(2048),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    CONSTRAINT shows_slug_key UNIQUE (slug)
);

CREATE TABLE episodes (
    id                 uuid PRIMARY KEY,
    show_id            uuid          NOT NULL REFERENCES shows (id),
    version            bigint        NOT NULL CHECK (version >= 1),
    guid               varchar(1000) NOT NULL,
    slug               varchar(200)  NOT NULL,
    title              varchar(500)  NOT NULL,
    show_notes         text,
    published_at       timestamptz,
    duration_text      varchar(100),
    duration_ms        bigint CHECK (duration_ms >= 0),
    audio_url          varchar(2048) NOT NULL,
    video_url          varchar(2048),
    page_url           varchar(2048),
    chapters_json      text,
    transcript_format  varchar(10),
    transcript_body    text,
    transcript_sha256  varchar(64),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT episodes_show_guid_key UNIQUE (show_id, guid),
    CONSTRAINT episodes_show_slug_key UNIQUE (show_id, slug),
    CONSTRAINT episodes_transcript_whole CHECK ((transcript_format IS NULL) = (transcript_body IS NULL))
);

CREATE INDEX episodes_listing_idx ON episodes (show_id, published_at DESC NULLS FIRST, id);

-- One row per record to publish. No foreign key to episodes: a delete's records outlive the episode.
-- Rows of one episode always land in the same slot, and the relay publishes a slot in id order under an advisory
-- lock, so an episode's events reach Kafka in version order even with several catalog instances.
CREATE TABLE outbox_events (
    id               bigserial PRIMARY KEY,
    event_id         uuid        NOT NULL,
    episode_id       uuid        NOT NULL,
    episode_version  bigint      NOT NULL CHECK (episode_version >= 1),
    type             varchar(32) NOT NULL CHECK (type IN ('episode.upserted', 'episode.deleted', 'tombstone')),
    payload          bytea,
    slot             int         NOT NULL CHECK (slot >= 0),
    created_at       timestamptz NOT NULL,
    CONSTRAINT outbox_events_event_id_key UNIQUE (event_id),
    CONSTRAINT outbox_events_payload_iff_event CHECK ((type = 'tombstone') = (payload IS NULL))
);

CREATE INDEX outbox_events_slot_idx ON outbox_events (slot, id);
