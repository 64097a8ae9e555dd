-- Version 8 (issue 13): incidents, one real event told by the events of many documents (docs/INCIDENTS.md).
-- `ingest` keeps them equal to `sitrep incidents` on the stored documents (SqlEventStore.Incidents.cs).
-- Same tables as postgres/008_incidents.sql.
-- One row an incident: the columns lists and filters read, and the whole incident (sitrep-1-incident JSON).
CREATE TABLE incidents (
    id              TEXT PRIMARY KEY,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT,
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
    reports         INTEGER NOT NULL,
    documents       INTEGER NOT NULL,
    first_report    TEXT,
    last_report     TEXT,
    about           TEXT,
    record_json     TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents (date_start, id);
CREATE INDEX incidents_reports ON incidents (reports);

-- Which incident each stored event belongs to; an event without a row here is not assigned yet.
CREATE TABLE incident_reports (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    ordinal     INTEGER NOT NULL,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id);
