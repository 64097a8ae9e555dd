-- Version 4 (issue 12): each fact stored once. A document's text and its events' full records move into
-- one compressed value, documents.body (see DocumentBody.cs); the events table keeps only the columns that
-- lists, filters and statistics read, and each event's position in its document (ordinal) to find its
-- record. The normalised tables become a small table of what statistics by side add up (event_kills).
-- The records and texts are copied into body by code after this file (LeanLayoutConversion.cs), then
-- 005 drops what they replace. Same changes as postgres/004_lean_layout.sql.
ALTER TABLE documents ADD COLUMN body BLOB;
ALTER TABLE events ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;
UPDATE events SET ordinal = (SELECT COUNT(*) FROM events o WHERE o.document_id = events.document_id AND o.id < events.id);

-- The names of each event's actors, lower-cased, one a line: what the dashboard's actor filter searches.
ALTER TABLE events ADD COLUMN actors TEXT;
UPDATE events SET actors = (SELECT group_concat(lower(a.name), char(10)) FROM actors a WHERE a.event_id = events.id);

-- The conflict relevance of the event's document (0 to 1), repeated on each of its events so the dashboard's
-- relevance filter reads this table alone. Stores older than this version never kept it: their rows stay null
-- (unknown), which a relevance filter leaves out.
ALTER TABLE events ADD COLUMN relevance REAL;

-- The current killed figures of each event, with the bounds statistics add (an open bound falls back on
-- the figure it has), keyed by the side they were claimed about.
CREATE TABLE event_kills (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    ordinal     INTEGER NOT NULL,
    side        TEXT NOT NULL,
    low         INTEGER,
    best        INTEGER,
    high        INTEGER
);
INSERT INTO event_kills (document_id, ordinal, side, low, best, high)
SELECT e.document_id, e.ordinal, COALESCE(c.victim_side, c.victim_country, 'unknown'),
       COALESCE(c.count_min, c.count_value, c.count_max), COALESCE(c.count_value, c.count_min, c.count_max),
       COALESCE(c.count_max, c.count_value, c.count_min)
FROM casualties c JOIN events e ON e.id = c.event_id
WHERE c.status = 'current' AND c.outcome = 'killed'
ORDER BY c.id;
CREATE INDEX event_kills_event ON event_kills (document_id, ordinal);

-- Spans of events are computed from the records when a document is read; only the mentions asked for
-- with --mentions (event_id null) stay stored.
DELETE FROM evidence_spans WHERE event_id IS NOT NULL;

-- Search needs no positions (every word must occur; no phrases): detail=none keeps a third of the index.
CREATE VIRTUAL TABLE documents_search USING fts5 (title, text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2');
