-- The history of vbench runs. One migration for both databases (SQLite embedded, PostgreSQL shared): portable
-- types only (TEXT, INTEGER, BIGINT, DOUBLE PRECISION), natural keys, no generated ids. Times are microseconds
-- since 1970-01-01T00:00:00Z; a NULL double is a value that is not a number. The two big tables (run_series,
-- sample) refer to runs and series by number: run_key and series_key are the first 64 bits of the SHA-256 of the
-- run id and of the series (SeriesKey.id()), as signed integers; the same on every database and machine.

-- A run: one nightly (or any) run of a plan on a host, identified by run.json's run_id.
CREATE TABLE run (
    run_id       TEXT NOT NULL PRIMARY KEY,
    run_key      BIGINT NOT NULL UNIQUE,
    host         TEXT NOT NULL,
    plan_name    TEXT NOT NULL,
    plan_hash    TEXT NOT NULL,
    started_us   BIGINT NOT NULL,
    ended_us     BIGINT,
    status       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    canary       TEXT
);
CREATE INDEX run_by_plan ON run (plan_name, started_us);
CREATE INDEX run_by_start ON run (started_us);

-- The run's environment as run.json records it (host kernel, QEMU, libvirt, accelerator, guest kernel, ...).
CREATE TABLE run_environment (
    run_id    TEXT NOT NULL REFERENCES run (run_id),
    env_key   TEXT NOT NULL,
    env_value TEXT NOT NULL,
    PRIMARY KEY (run_id, env_key)
);

-- A variant's or a workload's expanded definition (canonical JSON), by the SHA-256 of its body.
CREATE TABLE definition (
    def_hash TEXT NOT NULL PRIMARY KEY,
    kind     TEXT NOT NULL,
    body     TEXT NOT NULL
);

-- A series: one metric of one workload of one variant on one host; series_id is SeriesKey.id().
CREATE TABLE series (
    series_id  TEXT NOT NULL PRIMARY KEY,
    series_key BIGINT NOT NULL UNIQUE,
    host       TEXT NOT NULL,
    variant    TEXT NOT NULL,
    workload   TEXT NOT NULL,
    metric     TEXT NOT NULL,
    unit       TEXT NOT NULL
);

-- The series a run measured, with the definitions its variant and workload had that night.
CREATE TABLE run_series (
    run_key      BIGINT NOT NULL REFERENCES run (run_key),
    series_key   BIGINT NOT NULL REFERENCES series (series_key),
    variant_def  TEXT REFERENCES definition (def_hash),
    workload_def TEXT REFERENCES definition (def_hash),
    PRIMARY KEY (run_key, series_key)
);

-- Every sample: never a mean instead of the samples.
CREATE TABLE sample (
    run_key    BIGINT NOT NULL,
    series_key BIGINT NOT NULL,
    boot       INTEGER NOT NULL,
    rep        INTEGER NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_key, series_key, boot, rep),
    FOREIGN KEY (run_key, series_key) REFERENCES run_series (run_key, series_key)
);

-- The verdicts of the run's claims (summary.json).
CREATE TABLE verdict (
    run_id    TEXT NOT NULL REFERENCES run (run_id),
    claim_id  TEXT NOT NULL,
    verdict   TEXT NOT NULL,
    gain      DOUBLE PRECISION,
    gain_low  DOUBLE PRECISION,
    gain_high DOUBLE PRECISION,
    PRIMARY KEY (run_id, claim_id)
);

-- What a person said about a series (or '*': every series of the run's host) from a run on.
CREATE TABLE annotation (
    annotation_id TEXT NOT NULL PRIMARY KEY,
    series_id     TEXT NOT NULL,
    from_run      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    created_us    BIGINT NOT NULL
);

-- Change points found by an algorithm (with its version and parameters): inserted once, never updated.
CREATE TABLE change_point (
    series_id   TEXT NOT NULL REFERENCES series (series_id),
    run_id      TEXT NOT NULL REFERENCES run (run_id),
    algorithm   TEXT NOT NULL,
    params      TEXT NOT NULL,
    before_mean DOUBLE PRECISION,
    after_mean  DOUBLE PRECISION,
    ratio       DOUBLE PRECISION,
    ratio_low   DOUBLE PRECISION,
    ratio_high  DOUBLE PRECISION,
    p_value     DOUBLE PRECISION,
    PRIMARY KEY (series_id, run_id, algorithm, params)
);

-- Alerts the gate raised: inserted once, never updated. The gate may judge a run before it is ingested, so the
-- series and the run need not be in the history yet.
CREATE TABLE alert (
    series_id  TEXT NOT NULL,
    run_id     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    ratio      DOUBLE PRECISION,
    ratio_low  DOUBLE PRECISION,
    ratio_high DOUBLE PRECISION,
    p_value    DOUBLE PRECISION,
    raised_us  BIGINT NOT NULL,
    message    TEXT NOT NULL,
    PRIMARY KEY (series_id, run_id, kind)
);
