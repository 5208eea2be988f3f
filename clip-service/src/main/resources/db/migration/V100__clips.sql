-- Stored clips (owned by the clips feature; numbered from 100 so the read model's migrations keep 1..99).
-- A clip stores only its times: its chapter context is computed from the read model whenever it is read, so an
-- updated episode needs no rewrite here. No foreign key to clip_episode: a clip may be made for an episode and the
-- read model's tombstone (deleted = true) decides that its clips are gone.
CREATE TABLE clip_clip (
    id              varchar(16)  PRIMARY KEY,
    episode_id      uuid         NOT NULL,
    title           varchar(400),
    start_ms        bigint       NOT NULL CHECK (start_ms >= 0),
    end_ms          bigint       NOT NULL,
    episode_version bigint       NOT NULL CHECK (episode_version >= 1),
    created_by      varchar(200) NOT NULL,
    created_at      timestamptz  NOT NULL,
    CHECK (end_ms > start_ms)
);
CREATE INDEX clip_clip_episode ON clip_clip (episode_id);
