import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { call, NoInput, type EventMap, type MethodMap } from "../rpc/define";
import { PolicyStatus, Sha256 } from "./policy";

/**
 * Admin policy, audit log, redaction (issue: IT rollout and security).
 * Spread into the one contract in ../contract.ts; the policy's own schemas
 * are in policy.ts.
 */

export const AUDIT_EVENT_TYPES = [
  "model.import",
  "model.load",
  "model.remove",
  "document.ingest",
  "document.remove",
  "search",
  "ask",
  "summarize",
  "draft",
  "export",
  "kb.export",
  "kb.import",
  "policy.load",
  "policy.invalid",
  "settings.change",
  "network.blocked",
  "path.refused",
  "audit.export",
  "audit.rotate",
  "audit.prune",
] as const;
export const AuditEventType = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof AuditEventType>;

const DetailValue = lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One line of the audit log (see core/security/audit for the hash chain). */
export const AuditEntry = lazySchema(() => z
  .object({
    v: z.literal(1),
    seq: z.number().int().nonnegative(),
    time: z.string(),
    user: z.string(),
    type: AuditEventType,
    object: z.string(),
    detail: z.record(z.string(), DetailValue).optional(),
    /** sha256 of the previous entry (64 zeros for the first one ever). */
    prev: Sha256,
    /** sha256 of this entry's canonical JSON without `hash`. */
    hash: Sha256,
  })
  .strict());
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditIssueKind = z.enum(["modified", "deleted", "inserted", "reordered"]);
export type AuditIssueKind = z.infer<typeof AuditIssueKind>;

export const AuditIssue = lazySchema(() => z.object({
  kind: AuditIssueKind,
  /** File name inside the audit folder, and 1-based line number. */
  file: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
}));
export type AuditIssue = z.infer<typeof AuditIssue>;

export const AuditVerifyResult = lazySchema(() => z.object({
  ok: z.boolean(),
  files: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  /** Sequence number of the first entry kept (earlier files removed by retention). */
  firstSeq: z.number().int().nonnegative().nullable(),
  lastSeq: z.number().int().nonnegative().nullable(),
  issues: z.array(AuditIssue),
}));
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

/** name and address are heuristics (guesses from context), the others checked numbers. */
export const RedactionKind = z.enum(["idCard", "mobile", "bankCard", "creditCode", "email", "name", "address"]);
export type RedactionKind = z.infer<typeof RedactionKind>;

export const RedactionSpan = lazySchema(() => z.object({
  kind: RedactionKind,
  /** UTF-16 offsets into the input, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  masked: z.string(),
}));
export type RedactionSpan = z.infer<typeof RedactionSpan>;

/** A text with its personal data masked, and what was masked (redact.preview; the extraction thread's extract.redact). */
export const RedactResult = lazySchema(() => z.object({ redacted: z.string(), spans: z.array(RedactionSpan) }));

export const PackInstallResult = lazySchema(() => z.object({
  base: z.string(),
  documents: z.number().int(),
  packId: z.string(),
  embedModel: z.string().nullable(),
  /** Made with another embedding model than the one set here: vector search waits for re-embedding. */
  embedModelMismatch: z.boolean(),
}));
export type PackInstallResult = z.infer<typeof PackInstallResult>;

export const securityMethods = {
  "packs.export": call(
    "Write a knowledge base to a self-contained, verifiable knowledge pack (.govpack)",
    () => z.object({ name: z.string().min(1).max(100), path: z.string().min(1).max(4096) }).strict(),
    () => z.object({ documents: z.number().int(), packId: z.string(), embedModel: z.string().nullable() }),
    { paths: { path: "write" } },
  ),
  "packs.import": call(
    "Verify a knowledge pack and install it as a read-only knowledge base",
    () => z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(100).optional() }).strict(),
    PackInstallResult,
    { paths: { path: "read" } },
  ),
  "policy.get": call("The effective admin policy and locked settings, or why the app is locked down", NoInput, PolicyStatus, { whenLocked: "allow" }),
  "audit.list": call(
    "Audit log entries, newest first",
    () => z
      .object({
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        type: AuditEventType.optional(),
      })
      .strict()
      .default({ offset: 0, limit: 100 }),
    () => z.object({ entries: z.array(AuditEntry), total: z.number().int().nonnegative() }),
    { whenLocked: "allow" },
  ),
  "audit.verify": call("Check the audit log's hash chain across all its files", NoInput, AuditVerifyResult, { whenLocked: "allow" }),
  "audit.export": call(
    "The whole audit log as JSON lines, for the admin to save (the export itself is audited)",
    NoInput,
    () => z.object({ fileName: z.string(), content: z.string(), entries: z.number().int().nonnegative(), verify: AuditVerifyResult }),
    { whenLocked: "allow" },
  ),
  "redact.preview": call(
    "What personal data redaction would mask in a text",
    () => z
      .object({
        text: z.string().max(2_000_000),
        kinds: z.array(RedactionKind).min(1).optional(),
      })
      .strict(),
    RedactResult,
    { whenLocked: "allow" },
  ),
} satisfies MethodMap;
export const securityEvents = {} satisfies EventMap;
