import { createHash } from "node:crypto";
import type { AuditEntry } from "../../../common/contracts/security";

/** `prev` of the very first entry of a log. */
export const GENESIS = "0".repeat(64);

type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

/** JSON with object keys sorted at every level and no whitespace: one spelling per value. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash an entry must carry: sha256 of its canonical JSON without `hash`. */
export function entryHash(entry: Omit<AuditEntry, "hash"> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  return sha256Hex(canonicalJson(rest as Json));
}

/** The line written to disk for an entry (canonical, so re-serialising gives the same bytes). */
export function entryLine(entry: AuditEntry): string {
  return canonicalJson(entry as unknown as Json);
}
