-- Version 4 (issue 12): each fact stored once. A document's text and its events' full records move into
-- one compressed value, documents.body (see DocumentBody.cs); the events table keeps only the columns that
-- lists, filters and statistics read, and each event's position in its document (ordinal) to find its
-- record. The normalised tables become a small table of what statistics by side add up (event_kills).
-- The records and texts are copied into body by code after this file (LeanLayoutConversion.cs), then
-- 005 drops what they replace. Same changes as sqlite/004_lean_layout.sql.
ALTER TABLE documents ADD COLUMN body BYTEA;
ALTER TABLE events ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;
UPDATE events e SET ordinal = o.n
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY id) - 1 AS n FROM events) o
WHERE o.id = e.id;

-- The names of each event's actors, lower-cased, one a line: what the dashboard's actor filter searches.
ALTER TABLE events ADD COLUMN actors TEXT;
UPDATE events e SET actors = a.names
FROM (SELECT event_id, string_agg(DISTINCT lower(name), E'\n') AS names FROM actors GROUP BY event_id) a
WHERE a.event_id = e.id;

-- The conflict relevance of the event's document (0 to 1), repeated on each of its events so the dashboard's
-- relevance filter reads this table alone. Stores older than this version never kept it: their rows stay null
-- (unknown), which a relevance filter leaves out.
ALTER TABLE events ADD COLUMN relevance DOUBLE PRECISION;

CREATE TABLE event_kills (
    document_id BIGINT NOT NULL REFERENCES documents (id),
    ordinal     INTEGER NOT NULL,
    side        TEXT NOT NULL,
    low         BIGINT,
    best        BIGINT,
    high        BIGINT
);
INSERT INTO event_kills (document_id, ordinal, side, low, best, high)
SELECT e.document_id, e.ordinal, COALESCE(c.victim_side, c.victim_country, 'unknown'),
       COALESCE(c.count_min, c.count_value, c.count_max), COALESCE(c.count_value, c.count_min, c.count_max),
       COALESCE(c.count_max, c.count_value, c.count_min)
FROM casualties c JOIN events e ON e.id = c.event_id
WHERE c.status = 'current' AND c.outcome = 'killed'
ORDER BY c.id;
CREATE INDEX event_kills_event ON event_kills (document_id, ordinal);

DELETE FROM evidence_spans WHERE event_id IS NOT NULL;
