import type { Migration } from "../migrations";

/**
 * Speed (issue 15).
 *
 * kb_vec_log: every vector write appends (dimension, chunk, put/delete), so
 * an in-memory vector index, and its snapshot file beside the database,
 * catch up by replaying what changed instead of reloading every vector.
 * AUTOINCREMENT: sequence numbers are never reused after the log is trimmed.
 * kb_vec_state holds this database's id (a snapshot file must name it) and,
 * per dimension, how far the log was trimmed.
 *
 * llm_threads: the thread count measured for a model on a machine
 * (threads "auto"), so the calibration runs once per model and machine.
 */
export const m011: Migration = {
  version: 11,
  name: "speed: vector log, thread calibration",
  sql: `
    CREATE TABLE kb_vec_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      dim INTEGER NOT NULL,
      chunk_id INTEGER NOT NULL,
      op INTEGER NOT NULL CHECK (op IN (0, 1))
    );
    CREATE INDEX kb_vec_log_dim ON kb_vec_log(dim, seq);
    CREATE TABLE kb_vec_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    INSERT INTO kb_vec_state(key, value) VALUES ('db_id', lower(hex(randomblob(16))));
    CREATE TABLE llm_threads (
      model_key TEXT NOT NULL,
      machine TEXT NOT NULL,
      threads INTEGER NOT NULL,
      measured TEXT NOT NULL,
      measured_at TEXT NOT NULL,
      PRIMARY KEY (model_key, machine)
    ) WITHOUT ROWID;
  `,
};
