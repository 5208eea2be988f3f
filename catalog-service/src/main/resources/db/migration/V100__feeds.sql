-- Feeds the catalog follows (issue 6, docs/feeds.md), and what it last imported of each item.

CREATE TABLE feeds (
    id                 uuid PRIMARY KEY,
    url                varchar(2048) NOT NULL,
    show_id            uuid REFERENCES shows (id),
    requested_slug     varchar(200),
    etag               varchar(1000),
    last_modified      varchar(200),
    last_status        varchar(32)   NOT NULL CHECK (last_status IN ('pending', 'ok', 'not-modified', 'failed')),
    last_error         varchar(2000),
    last_fetched_at    timestamptz,
    items_seen         int           NOT NULL DEFAULT 0 CHECK (items_seen >= 0),
    episodes_written   int           NOT NULL DEFAULT 0 CHECK (episodes_written >= 0),
    next_poll_at       timestamptz   NOT NULL,
    created_at         timestamptz   NOT NULL,
    CONSTRAINT feeds_url_key UNIQUE (url)
);

CREATE INDEX feeds_due_idx ON feeds (next_poll_at);

-- The hash of each item as last imported (keyed by show, so uploads and polls share it): an item whose hash is
-- unchanged is skipped without fetching its chapters or transcript and without any write.
CREATE TABLE feed_items (
    show_id      uuid         NOT NULL REFERENCES shows (id),
    guid         varchar(1000) NOT NULL,
    item_sha256  varchar(64)  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (show_id, guid)
);
