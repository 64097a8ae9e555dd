-- Version 11 (issue 12): an incident's record is no longer stored. It repeated the claims of its reports, which each
-- document's body already holds, and took two thirds of a dense store (233 of 459 MB on the 24 MB benchmark corpus);
-- it is built again from the reports' events when an incident is read or exported (SqlEventStore.Incidents.cs).
-- Same change as postgres/011_incident_records_built_on_read.sql.
ALTER TABLE incidents DROP COLUMN record_json;
