import type { Policy } from "../../../../electron/common/contracts/policy";
import type { MessageKey } from "../../i18n/zh-CN";

/** A cell: text shown as is, or a message to translate (with values). */
export type Cell = { text: string } | { key: MessageKey; values?: Record<string, string | number> };

export interface PolicyRow {
  id: string;
  label: MessageKey;
  value: Cell;
}

const yesNo = (b: boolean): Cell => ({ key: b ? "admin.yes" : "admin.no" });
const orDash = (v: string | undefined): Cell => (v ? { text: v } : { key: "admin.none" });

/** The policy as label/value rows for the 管理 screen; pure, so it is tested without a DOM. */
export function policyRows(p: Policy): PolicyRow[] {
  const models = p.models.allowedSha256;
  return [
    { id: "models", label: "admin.policy.allowedModels", value: models ? { text: models.join("\n") || "—" } : { key: "admin.policy.anyModel" } },
    { id: "sharedFolder", label: "admin.policy.sharedFolder", value: orDash(p.models.sharedFolder) },
    {
      id: "hosts",
      label: "admin.policy.allowedHosts",
      value: p.remote.allowedHosts.length ? { text: p.remote.allowedHosts.join(", ") } : { key: "admin.policy.onlyLoopback" },
    },
    { id: "remoteRedact", label: "admin.policy.remoteRedact", value: yesNo(p.remote.redact) },
    { id: "packs", label: "admin.policy.packsFolder", value: orDash(p.knowledgePacks.folder) },
    { id: "exportsDisabled", label: "admin.policy.exportsDisabled", value: yesNo(p.exports.disabled) },
    { id: "exportsRedact", label: "admin.policy.exportsRedact", value: yesNo(p.exports.redact) },
    {
      id: "maxFileSize",
      label: "admin.policy.maxFileSize",
      value: p.limits.maxFileSizeMb !== undefined ? { key: "admin.policy.megabytes", values: { value: p.limits.maxFileSizeMb } } : { key: "admin.unlimited" },
    },
    { id: "maxPages", label: "admin.policy.maxPages", value: p.limits.maxPages !== undefined ? { text: String(p.limits.maxPages) } : { key: "admin.unlimited" } },
    {
      id: "parserMemory",
      label: "admin.policy.parserMemory",
      value: p.limits.maxParserMemoryMb !== undefined ? { key: "admin.policy.megabytes", values: { value: p.limits.maxParserMemoryMb } } : { key: "admin.policy.parserMemoryDefault" },
    },
    { id: "logQuestions", label: "admin.policy.logQuestions", value: yesNo(p.audit.logQuestions) },
    { id: "retention", label: "admin.policy.retentionDays", value: { key: "admin.policy.days", values: { value: p.audit.retentionDays } } },
    { id: "syslog", label: "admin.policy.syslog", value: orDash(p.audit.syslog) },
    { id: "redactHeuristic", label: "admin.policy.redactHeuristic", value: yesNo(p.redaction.heuristic) },
    { id: "devtools", label: "admin.policy.devtools", value: yesNo(p.developer.devtools) },
  ];
}

/** A locked value as users read it: strings as they are, anything else as JSON. */
export function showValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

const SETTING_LABELS: Record<string, MessageKey> = {
  language: "settings.language",
  theme: "settings.theme",
  fontScale: "settings.fontScale",
  threads: "settings.threads",
};

/** The settings screen's label for a locked key, or the key itself for one it does not know. */
export function settingLabel(key: string): Cell {
  const label = Object.hasOwn(SETTING_LABELS, key) ? SETTING_LABELS[key] : undefined;
  return label ? { key: label } : { text: key };
}
