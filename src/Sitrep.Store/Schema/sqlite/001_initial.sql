-- Sitrep store, version 1 (SQLite). Same tables and columns as postgres/001_initial.sql.
-- Documents are unique by content hash: ingesting the same input twice stores it once.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    doc_key       TEXT NOT NULL,
    published     TEXT,
    language      TEXT NOT NULL,
    title         TEXT,
    source        TEXT,
    url           TEXT,
    origin        TEXT,
    text          TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_doc_key ON documents (doc_key);

-- Filter columns are copied out of the record so that the events table can be queried on indexes;
-- record_json keeps the whole contract record for details and exports.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id),
    local_id        TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    status          TEXT NOT NULL,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    location_name   TEXT,
    country         TEXT,
    admin1          TEXT,
    lat             REAL,
    lon             REAL,
    fatalities_low  INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    claim_count     INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    record_json     TEXT NOT NULL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_date ON events (date_start, id);
CREATE INDEX events_country_date ON events (country, date_start);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_sub_type ON events (sub_event_type);

CREATE TABLE casualties (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id),
    ordinal         INTEGER NOT NULL,
    outcome         TEXT NOT NULL,
    count_value     INTEGER,
    count_min       INTEGER,
    count_max       INTEGER,
    approximate     INTEGER NOT NULL,
    count_text      TEXT,
    victim_category TEXT NOT NULL,
    victim_side     TEXT,
    victim_country  TEXT,
    victim_text     TEXT,
    status          TEXT NOT NULL,
    claimant        TEXT,
    via_json        TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL
);
CREATE INDEX casualties_event ON casualties (event_id);

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER NOT NULL REFERENCES events (id),
    local_id         TEXT NOT NULL,
    text             TEXT NOT NULL,
    claimant         TEXT,
    via_json         TEXT NOT NULL,
    contradicts_json TEXT NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL
);
CREATE INDEX claims_event ON claims (event_id);

CREATE TABLE actors (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events (id),
    name       TEXT NOT NULL,
    country    TEXT,
    kind       TEXT NOT NULL,
    role       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE INDEX actors_event ON actors (event_id);
CREATE INDEX actors_name ON actors (name);

CREATE TABLE places (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id),
    name        TEXT NOT NULL,
    country     TEXT,
    admin1      TEXT,
    lat         REAL,
    lon         REAL,
    precision   TEXT NOT NULL,
    geonames_id INTEGER,
    span_start  INTEGER,
    span_end    INTEGER
);
CREATE INDEX places_event ON places (event_id);

-- Every stretch of text that extraction used, for the article view (event_id null for plain mentions).
CREATE TABLE evidence_spans (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    event_id    INTEGER REFERENCES events (id),
    kind        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    label       TEXT
);
CREATE INDEX evidence_spans_document ON evidence_spans (document_id);

-- Full-text search over titles and texts; contentless (the text is in documents), rowid = documents.id.
-- remove_diacritics 2 folds Romanian s/t with comma or cedilla and a/i with their marks.
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = '', tokenize = 'unicode61 remove_diacritics 2');
