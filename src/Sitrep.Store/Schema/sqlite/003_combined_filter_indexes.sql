-- Version 3: the dashboard's common combined filters, measured with 100,000 events (docs/PERFORMANCE.md):
-- country with status walks one index instead of filtering one of them; a date range is counted on an
-- index that holds both ends. Same indexes as postgres/003_combined_filter_indexes.sql.
CREATE INDEX events_country_status_order ON events (country, status, date_start, id);
CREATE INDEX events_date_span ON events (date_start, date_end);
