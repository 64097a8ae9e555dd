-- Version 2: every filter of the events list walks an index in the list's order (newest first), so a
-- page costs the same with 100 or 100,000 events. Same indexes as postgres/002_filter_indexes.sql.
DROP INDEX events_country_date;
DROP INDEX events_type;
DROP INDEX events_sub_type;
CREATE INDEX events_country_order ON events (country, date_start, id);
CREATE INDEX events_type_order ON events (event_type, date_start, id);
CREATE INDEX events_sub_type_order ON events (sub_event_type, date_start, id);
CREATE INDEX events_status_order ON events (status, date_start, id);
