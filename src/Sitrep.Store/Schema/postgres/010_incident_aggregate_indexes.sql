-- Version 10 (issue 13): the dashboard counts incidents by default (docs/INCIDENTS.md, "In the dashboard"). An
-- incident's row holds its whole record (record_json, kilobytes), so the map's grid and the timeline's day counts
-- read covering indexes instead of the table: measured on SQLite with 300,000 synthetic incidents (2 KB records), the unfiltered grid 4.5 s
-- -> 0.8 s, the timeline 4.5 s -> 0.13 s, a country's grid 1.8 s -> 0.09 s. Same indexes as sqlite/010_incident_aggregate_indexes.sql.
CREATE INDEX incidents_map ON incidents (lat, lon, event_type, fatalities_best, fatalities_low, id);
CREATE INDEX incidents_timeline ON incidents (date_start, event_type, status, fatalities_low, fatalities_best, fatalities_high, date_end);
CREATE INDEX incidents_country_order ON incidents (country, date_start, id);
