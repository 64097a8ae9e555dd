-- Version 7: what `sitrep watch` remembers between polls (docs/WATCH.md). Same tables as sqlite/007_watch_state.sql.
-- Times are Unix milliseconds (UTC) so both dialects compare them the same way.
-- One row per source URL: its conditional-GET validators, health, backoff, schedule, and the lease that keeps
-- two workers from polling it at once (lease_owner "host:pid", lease_until when it lapses if the worker died).
CREATE TABLE watch_sources (
    source_key           TEXT PRIMARY KEY,
    name                 TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    last_fetch_at        BIGINT,
    last_success_at      BIGINT,
    last_error           TEXT,
    last_error_at        BIGINT,
    consecutive_failures BIGINT NOT NULL DEFAULT 0,
    next_due_at          BIGINT NOT NULL DEFAULT 0,
    lease_owner          TEXT,
    lease_until          BIGINT
);

-- One row per canonical article URL: what the feed said of it last (item_signature), its page's validators,
-- the content hash of the newest stored revision and how many revisions there have been.
CREATE TABLE watch_urls (
    canonical_url   TEXT PRIMARY KEY,
    source_key      TEXT NOT NULL,
    item_signature  TEXT,
    etag            TEXT,
    last_modified   TEXT,
    content_hash    TEXT,
    revision        BIGINT NOT NULL DEFAULT 0,
    first_seen_at   BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL
);
CREATE INDEX watch_urls_source ON watch_urls (source_key, first_seen_at);

-- Every stored revision of an article (documents.content_hash): the newest is the current one, the older
-- ones are kept for history. documents.doc_key is the canonical URL for all of them.
CREATE TABLE watch_revisions (
    canonical_url TEXT NOT NULL,
    revision      BIGINT NOT NULL,
    content_hash  TEXT NOT NULL,
    stored_at     BIGINT NOT NULL,
    PRIMARY KEY (canonical_url, revision)
);

-- The alert outbox: an alert is written here in the same transaction as the article that caused it, then
-- delivered to each sink; alert_key makes it once only (docs/WATCH.md says how the key is made).
CREATE TABLE watch_alerts (
    alert_key    TEXT PRIMARY KEY,
    rule         TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE TABLE watch_alert_deliveries (
    alert_key    TEXT NOT NULL REFERENCES watch_alerts (alert_key),
    sink         TEXT NOT NULL,
    delivered_at BIGINT,
    attempts     BIGINT NOT NULL DEFAULT 0,
    last_error   TEXT,
    PRIMARY KEY (alert_key, sink)
);
