import { z } from "zod";
import { lazySchema } from "../rpc/lazy-schema";
import { Settings } from "../settings";

/**
 * The admin policy's schemas (issue: IT rollout and security): the policy
 * file IT writes and what `policy.get` answers. Its methods are in
 * security.ts with the audit log and redaction.
 */

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/i, "应为 64 位十六进制 sha256");

/** A host name (or IPv4/IPv6 literal) with an optional port: `llm.intranet.gov`, `10.1.2.3:8000`. */
const HostPattern = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, "应为主机名或 IP，可带端口，如 llm.intranet:8000");

/**
 * Settings an admin forces. Not `Settings.partial()`: that fills in the
 * defaults of absent keys, which would lock every setting.
 */
const LockedSettings = lazySchema(() => z
  .record(z.string(), z.unknown())
  .superRefine((obj, ctx) => {
    const shape = Settings.shape as Record<string, z.ZodType>;
    for (const [key, value] of Object.entries(obj)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!field) ctx.addIssue({ code: "custom", path: [key], message: `没有名为 ${key} 的设置项` });
      else if (value === undefined || !field.safeParse(value).success) {
        ctx.addIssue({ code: "custom", path: [key], message: `设置项 ${key} 的取值 ${JSON.stringify(value)} 无效` });
      }
    }
  })
  .transform((obj) => obj as Partial<Settings>));

/**
 * The machine-wide policy file written by IT (docs/deploy.md explains every
 * key). Strict at every level: an unknown key is a mistake, not an extension.
 */
export const Policy = lazySchema(() => z
  .object({
    version: z.literal(1).default(1),
    models: z
      .object({
        /** Only GGUF files with one of these sha256 may be imported or loaded; absent = any. */
        allowedSha256: z.array(Sha256).optional(),
        /** Folder (e.g. a read-only share) where IT puts approved models. */
        sharedFolder: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    remote: z
      .object({
        /** Intranet hosts the OpenAI-compatible provider may reach; nothing else leaves the machine. */
        allowedHosts: z.array(HostPattern).default([]),
        /** Mask personal data before text is sent to an intranet server. */
        redact: z.boolean().default(false),
      })
      .strict()
      .default({ allowedHosts: [], redact: false }),
    knowledgePacks: z
      .object({
        /** Folder of .govpack files to pre-install (read-only) at start. */
        folder: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    exports: z
      .object({
        disabled: z.boolean().default(false),
        /** Mask personal data in everything exported. */
        redact: z.boolean().default(false),
      })
      .strict()
      .default({ disabled: false, redact: false }),
    redaction: z
      .object({
        /**
         * Where redaction applies (exports.redact, remote.redact), also mask
         * names and street addresses found by heuristics (guesses from
         * context: they can miss a name or mask a phrase that is not one).
         */
        heuristic: z.boolean().default(false),
      })
      .strict()
      .default({ heuristic: false }),
    limits: z
      .object({
        maxFileSizeMb: z.number().positive().max(100_000).optional(),
        maxPages: z.number().int().positive().max(1_000_000).optional(),
        /**
         * Heap cap of each extraction thread, MB (default: an eighth of the
         * machine's memory, 512 MB to 2 GB). A file that needs more fails
         * alone, the message naming this cap.
         */
        maxParserMemoryMb: z.number().int().min(128).max(65_536).optional(),
      })
      .strict()
      .default({}),
    ocr: z
      .object({
        /** true: no page is OCR'd (scans stay marked 需要 OCR). */
        disabled: z.boolean().default(false),
        /** Most pages of one document OCR reads (the rest are listed as not read). */
        maxPagesPerDocument: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict()
      .default({ disabled: false }),
    audit: z
      .object({
        /** true: the question text is written to the audit log; false: only the event. */
        logQuestions: z.boolean().default(false),
        retentionDays: z.number().int().min(1).max(36_500).default(365),
        maxFileSizeMb: z.number().positive().max(1024).default(8),
        /**
         * A syslog collector ("host:port", UDP, RFC 5424) that receives each
         * entry's sequence number and hash as it is written: an anchor of the
         * chain off this machine. The host is allowed by the offline guard.
         */
        syslog: HostPattern.optional(),
      })
      .strict()
      .default({ logQuestions: false, retentionDays: 365, maxFileSizeMb: 8 }),
    developer: z
      .object({
        /**
         * Chromium's DevTools in the desktop window (and the default menu with
         * Reload / Toggle DevTools). Off unless IT turns it on for a support
         * machine: DevTools let whoever sits at the keyboard run code in the page.
         */
        devtools: z.boolean().default(false),
      })
      .strict()
      .default({ devtools: false }),
    /** The first-run guide (import a model or use the intranet server → knowledge base → ask). */
    firstRun: z
      .object({
        /** guide: a welcome, then a checklist until done; checklist: only the checklist; none: neither. */
        show: z.enum(["guide", "checklist", "none"]).default("guide"),
        /** A line shown in the guide, e.g. "模型文件请向信息中心索取（电话 1234）". */
        message: z.string().min(1).max(500).optional(),
        /** The intranet model server the guide offers as step 1 (its host must be in remote.allowedHosts). */
        remoteModelUrl: z.string().url("应为完整的网址，如 http://llm.intranet:8000/v1").optional(),
        /** The model name on that server. */
        remoteModel: z.string().min(1).max(200).optional(),
      })
      .strict()
      .default({ show: "guide" }),
    /** Settings forced to these values; users see them locked with `lockReason`. */
    lockedSettings: LockedSettings.default({}),
    /** Shown beside every locked setting, e.g. "由信息中心统一配置（电话 1234）". */
    lockReason: z.string().min(1).max(200).optional(),
  })
  .strict());
export type Policy = z.infer<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

export const LockedSetting = lazySchema(() => z.object({
  key: z.string(),
  value: z.unknown(),
  reason: z.string(),
}));
export type LockedSetting = z.infer<typeof LockedSetting>;

/** What `policy.get` answers: the effective policy, or why the app is locked down. */
export const PolicyStatus = lazySchema(() => z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    path: z.string(),
    /** false when no policy exists (no file, no Group Policy key): defaults apply, nothing is restricted. */
    exists: z.boolean(),
    policy: Policy,
    locked: z.array(LockedSetting),
    /** Where the policy came from: the file's path and/or the Windows Group Policy key (HKLM\Software\Policies\GovDesk). */
    sources: z.array(z.string()).optional(),
    /** Each policy key set ("exports.disabled") → the file's path or the registry value that set it. */
    origins: z.record(z.string(), z.string()).optional(),
  }),
  z.object({
    ok: z.literal(false),
    path: z.string(),
    /** Chinese, names the file and every problem; the app is locked down. */
    error: z.string(),
    issues: z.array(z.string()),
    sources: z.array(z.string()).optional(),
  }),
]));
export type PolicyStatus = z.infer<typeof PolicyStatus>;
