-- Version 5 (issue 12): what version 4 copied into documents.body and event_kills is dropped.
DROP TABLE casualties;
DROP TABLE claims;
DROP TABLE actors;
DROP TABLE places;
DROP TABLE documents_fts;
DROP INDEX events_document;
CREATE UNIQUE INDEX events_document_ordinal ON events (document_id, ordinal);
ALTER TABLE events DROP COLUMN record_json;
ALTER TABLE documents DROP COLUMN text;

-- A counter every stored batch raises in its own transaction: the API's ETag, so that a client's cached
-- answer is reused until something new is stored.
CREATE TABLE store_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO store_state (id, version) VALUES (1, 0);
