import type { z } from "zod";

/**
 * The policy can come from two places (the JSON file and, on Windows, the
 * Group Policy registry key). Each is validated on its own, then the raw
 * inputs are merged key by key — not the parsed results, whose defaults
 * would otherwise override the other source's real values.
 */

export type PolicyObject = Record<string, unknown>;

function isPlainObject(v: unknown): v is PolicyObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * `over` wins for every key it sets. The policy is two levels deep
 * (section.key, lockedSettings.setting), so sections merge one level down;
 * lists are replaced, not concatenated.
 */
export function mergePolicyInputs(base: PolicyObject, over: PolicyObject): PolicyObject {
  const out: PolicyObject = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? { ...b, ...v } : v;
  }
  return out;
}

/** Each key a raw policy sets ("exports.disabled", "lockReason") → `source`. */
export function leafOrigins(input: unknown, source: string): Record<string, string> {
  const origins: Record<string, string> = {};
  if (!isPlainObject(input)) return origins;
  for (const [k, v] of Object.entries(input)) {
    if (isPlainObject(v)) for (const sub of Object.keys(v)) origins[`${k}.${sub}`] = source;
    else origins[k] = source;
  }
  return origins;
}

/** One zod issue in Chinese, with the key path it is about. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.length ? issue.path.map(String).join(".") : "（顶层）";
  switch (issue.code) {
    case "unrecognized_keys":
      return `${at}：不认识的键 ${issue.keys.join("、")}`;
    case "invalid_type":
      return `${at}：类型应为 ${issue.expected}`;
    case "invalid_value":
      return `${at}：取值应为 ${issue.values.map((v) => JSON.stringify(v)).join(" 或 ")}`;
    case "too_small":
      return `${at}：不能小于 ${String(issue.minimum)}`;
    case "too_big":
      return `${at}：不能大于 ${String(issue.maximum)}`;
    default:
      return `${at}：${issue.message}`;
  }
}
