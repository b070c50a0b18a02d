-- Nothing reads the revision log by key (watch windows live in memory, compaction deletes by revision):
-- the index only cost every commit a random-insert B-tree update.
DROP INDEX revisions_key;
