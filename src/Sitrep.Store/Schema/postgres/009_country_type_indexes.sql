-- Version 9 (issue 12): a country together with a type. Each alone has its index in the list's order (002),
-- but with both the planner can only walk one and test the other on every row: a pair that is rare or never
-- occurs (at a million events, 125,000 events of the country and as many of the type, none of both) read
-- one whole range to return nothing (3.5 s at 8 clients). These find the pair's events directly, in the
-- list's order. A type filter names an event type or a sub-event type (SqlEventStore.BuildFilter), hence two.
-- Same indexes as sqlite/009_country_type_indexes.sql.
CREATE INDEX events_country_type_order ON events (country, event_type, date_start, id);
CREATE INDEX events_country_sub_type_order ON events (country, sub_event_type, date_start, id);
