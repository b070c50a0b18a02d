-- Bodies are UTF-8 JSON bytes end to end: stored as bytes, the writer's single commit thread no longer
-- re-encodes every document character by character (H2 converts the existing text as UTF-8).
ALTER TABLE objects ALTER COLUMN body SET DATA TYPE BINARY VARYING;
ALTER TABLE revisions ALTER COLUMN body SET DATA TYPE BINARY VARYING;
