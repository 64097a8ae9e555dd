-- Version 5 (issue 12): what version 4 copied into documents.body and event_kills is dropped.
DROP TABLE casualties;
DROP TABLE claims;
DROP TABLE actors;
DROP TABLE places;
DROP INDEX events_document;
CREATE UNIQUE INDEX events_document_ordinal ON events (document_id, ordinal);
ALTER TABLE events DROP COLUMN record_json;
ALTER TABLE documents DROP COLUMN text;
ALTER TABLE documents ALTER COLUMN body SET NOT NULL;
