-- Bodies are UTF-8 JSON bytes end to end (as on H2): no text conversion on either side of the driver.
-- Read one as JSON with convert_from(body, 'UTF8')::jsonb.
ALTER TABLE objects ALTER COLUMN body TYPE bytea USING convert_to(body, 'UTF8');
ALTER TABLE revisions ALTER COLUMN body TYPE bytea USING convert_to(body, 'UTF8');
