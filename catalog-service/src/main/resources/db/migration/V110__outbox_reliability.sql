-- The outbox's layout agreed by every catalog instance, rows parked by the relay, and idempotency keys of writes.

-- How many slots the outbox has. Writers and relays of every instance read it from here (not from their own
-- configuration), so two instances can never put one episode's rows in two slots or leave a slot unread.
CREATE TABLE outbox_settings (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    slots      int NOT NULL CHECK (slots BETWEEN 1 AND 1024)
);
INSERT INTO outbox_settings (slots) VALUES (16);

-- Rows the broker refused for good (too large for the topic, a record it cannot take): moved here with the reason,
-- so the rest of their slot keeps moving. An operator reads them (GET /api/admin/outbox/parked) and replays them
-- (moved back into outbox_events) once the cause is fixed.
CREATE TABLE outbox_parked (
    id               bigint PRIMARY KEY,
    event_id         uuid          NOT NULL,
    episode_id       uuid          NOT NULL,
    episode_version  bigint        NOT NULL,
    type             varchar(32)   NOT NULL,
    payload          bytea,
    slot             int           NOT NULL,
    created_at       timestamptz   NOT NULL,
    parked_at        timestamptz   NOT NULL,
    reason           varchar(2000) NOT NULL,
    exception_class  varchar(300)  NOT NULL
);

-- The first result of a write sent with an Idempotency-Key, kept for catalog.idempotency.retention; written in the
-- transaction of the write itself, so a key is stored if and only if its write committed.
CREATE TABLE idempotency_keys (
    principal       varchar(300)  NOT NULL,
    idem_key        varchar(255)  NOT NULL,
    request_sha256  varchar(64)   NOT NULL,
    status          int           NOT NULL,
    location        varchar(2048),
    etag            varchar(100),
    body            bytea,
    created_at      timestamptz   NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
