-- One counter row: the global revision (resourceVersion) and how far the log is compacted.
CREATE TABLE kubesim_counter (
    id                 INT PRIMARY KEY,
    revision           BIGINT NOT NULL,
    compacted_revision BIGINT NOT NULL
);
INSERT INTO kubesim_counter (id, revision, compacted_revision) VALUES (1, 1, 0);

-- The current object of every key, for every kind. Binary collation gives etcd's key order.
CREATE TABLE objects (
    resource  VARCHAR(256) COLLATE "C" NOT NULL,
    namespace VARCHAR(63)  COLLATE "C" NOT NULL,
    name      VARCHAR(253) COLLATE "C" NOT NULL,
    uid       VARCHAR(64)  NOT NULL,
    revision  BIGINT       NOT NULL,
    body      TEXT         NOT NULL,
    PRIMARY KEY (resource, namespace, name)
);

-- The append-only revision log: one row per write.
CREATE TABLE revisions (
    revision      BIGINT PRIMARY KEY,
    resource      VARCHAR(256) COLLATE "C" NOT NULL,
    namespace     VARCHAR(63)  COLLATE "C" NOT NULL,
    name          VARCHAR(253) COLLATE "C" NOT NULL,
    type          VARCHAR(8)   NOT NULL,
    body          TEXT         NOT NULL,
    prev_revision BIGINT       NOT NULL,
    created_at    BIGINT       NOT NULL
);
CREATE INDEX revisions_key ON revisions (resource, namespace, name);
