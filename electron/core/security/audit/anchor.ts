import type { Db } from "../../store/open-store";

/**
 * Where the audit chain is anchored outside its own folder: the newest
 * entry (head) and the first entry kept (floor: its seq and the hash it
 * links back to). Kept in the database (the audit_anchor row), written
 * after every append under the audit lock, so that deleting the oldest
 * file, cutting lines at either end or deleting the whole folder no longer
 * leaves a chain that verifies. Retention moves the floor only together
 * with an audit.prune record naming the new first entry.
 */
export interface AnchorState {
  headSeq: number;
  headHash: string;
  floorSeq: number;
  floorPrev: string;
}

export interface AuditAnchor {
  read(): AnchorState | null;
  write(state: AnchorState): void;
}

/** The anchor row of a GovDesk database (migration 008). */
export function dbAnchor(db: Db): AuditAnchor {
  return {
    read() {
      const row = db.prepare("SELECT head_seq AS headSeq, head_hash AS headHash, floor_seq AS floorSeq, floor_prev AS floorPrev FROM audit_anchor WHERE id = 1").get();
      return (row as AnchorState | undefined) ?? null;
    },
    write(s) {
      db.prepare(
        `INSERT INTO audit_anchor(id, head_seq, head_hash, floor_seq, floor_prev, updated_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET head_seq = excluded.head_seq, head_hash = excluded.head_hash,
           floor_seq = excluded.floor_seq, floor_prev = excluded.floor_prev, updated_at = excluded.updated_at`,
      ).run(s.headSeq, s.headHash, s.floorSeq, s.floorPrev, Date.now());
    },
  };
}
