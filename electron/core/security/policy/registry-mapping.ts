import type { z } from "zod";
import { Settings } from "../../../common/settings";
import type { PolicyObject } from "./policy-layers";
import { relativeRegKey, type RegValue } from "./reg-output";

/**
 * How the Group Policy key maps onto the policy schema (docs/deploy.md,
 * "组策略" has the same table for IT):
 *
 * - `PolicyJson` (REG_SZ) at the key itself: a whole policy as JSON, the
 *   same text as policy.json.
 * - One value per policy key, in a subkey named after the section:
 *   `exports\disabled` REG_DWORD 1, `models\allowedSha256` REG_MULTI_SZ, …
 *   A list may also be a subkey of REG_SZ values named 1, 2, 3 (what an
 *   ADMX `<list>` element writes).
 * - `lockedSettings\<setting>`: REG_SZ or REG_DWORD, read as the type the
 *   setting takes (`threads` REG_DWORD 4, `theme` REG_SZ dark).
 *
 * Single values override the same keys of PolicyJson. Names compare
 * case-insensitively, as in the registry.
 */
export const REGISTRY_KEY = "HKLM\\Software\\Policies\\GovDesk";
export const POLICY_JSON_VALUE = "PolicyJson";
export const LOCKED_SETTINGS_SUBKEY = "lockedSettings";

export type RegistryKind = "bool" | "number" | "string" | "list";

/** Registry name (below REGISTRY_KEY) → what it holds; the policy key is the name with `\` as `.`. */
export const REGISTRY_VALUES = {
  version: "number",
  lockReason: "string",
  "models\\allowedSha256": "list",
  "models\\sharedFolder": "string",
  "remote\\allowedHosts": "list",
  "remote\\redact": "bool",
  "knowledgePacks\\folder": "string",
  "exports\\disabled": "bool",
  "exports\\redact": "bool",
  "limits\\maxFileSizeMb": "number",
  "limits\\maxPages": "number",
  "limits\\maxParserMemoryMb": "number",
  "ocr\\disabled": "bool",
  "ocr\\maxPagesPerDocument": "number",
  "audit\\logQuestions": "bool",
  "audit\\retentionDays": "number",
  "audit\\maxFileSizeMb": "number",
  "audit\\syslog": "string",
  "developer\\devtools": "bool",
  "redaction\\heuristic": "bool",
  "firstRun\\show": "string",
  "firstRun\\message": "string",
  "firstRun\\remoteModelUrl": "string",
  "firstRun\\remoteModel": "string",
} as const satisfies Record<string, RegistryKind>;

const KNOWN = new Map(Object.keys(REGISTRY_VALUES).map((name) => [name.toLowerCase(), name as keyof typeof REGISTRY_VALUES]));

export interface RegistryMapping {
  /** PolicyJson, parsed (a syntax error is in `issues` instead). */
  json?: unknown;
  /** The policy built from the single values. */
  values: PolicyObject;
  /** Policy key ("exports.disabled", "lockedSettings.theme") → the full name of the value that set it. */
  origins: Record<string, string>;
  /** Values that cannot be read as what they map to, each naming the value. */
  issues: string[];
}

type Env = Record<string, string | undefined>;

export function mapRegistryValues(values: readonly RegValue[], env: Env = {}): RegistryMapping {
  const out: RegistryMapping = { values: {}, origins: {}, issues: [] };
  const lists = new Map<keyof typeof REGISTRY_VALUES, RegValue[]>();
  for (const v of values) {
    const rel = relativeRegKey(v.key, REGISTRY_KEY);
    if (rel === null) continue;
    const full = `${REGISTRY_KEY}\\${rel ? `${rel}\\` : ""}${v.name}`;
    const name = rel ? `${rel}\\${v.name}` : v.name;
    const known = KNOWN.get(name.toLowerCase());
    if (!rel && v.name.toLowerCase() === POLICY_JSON_VALUE.toLowerCase()) {
      if (v.type !== "REG_SZ") out.issues.push(`${full}：应为 REG_SZ${got(v)}`);
      else out.json = parseJson(v, full, out.issues);
    } else if (rel.toLowerCase() === LOCKED_SETTINGS_SUBKEY.toLowerCase()) {
      const [key, value] = settingValue(v, env);
      set(out, [LOCKED_SETTINGS_SUBKEY, key], value, full);
    } else if (known) {
      const c = convert(REGISTRY_VALUES[known], v, env);
      if ("error" in c) out.issues.push(`${full}：${c.error}`);
      else set(out, known.split("\\"), c.value, full);
    } else if (KNOWN.has(rel.toLowerCase()) && REGISTRY_VALUES[KNOWN.get(rel.toLowerCase())!] === "list") {
      const list = KNOWN.get(rel.toLowerCase())!;
      lists.set(list, [...(lists.get(list) ?? []), v]);
    } else {
      out.issues.push(`${full}：不认识的值（可用的值见部署指南“组策略”一节）`);
    }
  }
  for (const [list, items] of lists) addListSubkey(out, list, items, env);
  return out;
}

/** An ADMX-style list: a subkey whose REG_SZ values, in the order of their names, are the items. */
function addListSubkey(out: RegistryMapping, list: keyof typeof REGISTRY_VALUES, items: RegValue[], env: Env): void {
  const full = `${REGISTRY_KEY}\\${list}`;
  const path = list.split("\\");
  if (Object.hasOwn(out.origins, path.join("."))) {
    out.issues.push(`${full}：既有同名的 REG_MULTI_SZ 值又有同名子项，请只保留一种`);
    return;
  }
  const value: string[] = [];
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  for (const item of sorted) {
    const c = convert("string", item, env);
    if ("error" in c) out.issues.push(`${full}\\${item.name}：${c.error}`);
    else value.push(c.value as string);
  }
  set(out, path, value, full);
}

function set(out: RegistryMapping, path: string[], value: unknown, full: string): void {
  const [section, key] = path as [string, string?];
  if (key === undefined) out.values[section] = value;
  else out.values[section] = { ...(out.values[section] as PolicyObject | undefined), [key]: value };
  out.origins[path.join(".")] = full;
}

function parseJson(v: RegValue, full: string, issues: string[]): unknown {
  try {
    return JSON.parse(String(v.data));
  } catch (e) {
    issues.push(`${full}：不是有效的 JSON（${(e as Error).message}）`);
    return undefined;
  }
}

function convert(kind: RegistryKind, v: RegValue, env: Env): { value: unknown } | { error: string } {
  const { type, data } = v;
  switch (kind) {
    case "bool":
      return type === "REG_DWORD" && (data === 0 || data === 1) ? { value: data === 1 } : { error: `应为 REG_DWORD 0 或 1${got(v)}` };
    case "number":
      if ((type === "REG_DWORD" || type === "REG_QWORD") && typeof data === "number") return { value: data };
      // REG_SZ for what a DWORD cannot hold, e.g. 0.5 MB.
      if ((type === "REG_SZ" || type === "REG_EXPAND_SZ") && /^\s*\d+(\.\d+)?\s*$/.test(String(data))) return { value: Number(data) };
      return { error: `应为 REG_DWORD（小数可用 REG_SZ 写成十进制数字）${got(v)}` };
    case "string":
      if (type === "REG_SZ") return { value: data };
      if (type === "REG_EXPAND_SZ") return { value: expandEnv(String(data), env) };
      return { error: `应为 REG_SZ 或 REG_EXPAND_SZ${got(v)}` };
    case "list":
      return type === "REG_MULTI_SZ" ? { value: data } : { error: `应为 REG_MULTI_SZ（每行一项）${got(v)}` };
  }
}

/**
 * A locked setting, as the type the setting takes: the value as it is if the
 * setting accepts it, else its other reading (DWORD 0/1 as a boolean, REG_SZ
 * as JSON, e.g. "null"). A value no reading fits is passed on as it is, for
 * the schema to reject with the setting's name.
 */
function settingValue(v: RegValue, env: Env): [string, unknown] {
  const shape = Settings.shape as Record<string, z.ZodType>;
  const key = Object.keys(shape).find((k) => k.toLowerCase() === v.name.toLowerCase()) ?? v.name;
  const text = v.type === "REG_EXPAND_SZ" ? expandEnv(String(v.data), env) : v.data;
  const readings: unknown[] = [text];
  if (typeof text === "number" && (text === 0 || text === 1)) readings.push(text === 1);
  if (typeof text === "string") {
    try {
      readings.push(JSON.parse(text));
    } catch {
      // Not JSON: only the text itself.
    }
  }
  const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
  return [key, readings.find((r) => field?.safeParse(r).success) ?? text];
}

/** `%ProgramData%\x` → the variable's value, as Windows expands REG_EXPAND_SZ; unknown names stay as written. */
export function expandEnv(text: string, env: Env): string {
  return text.replace(/%([^%]+)%/g, (whole, name: string) => {
    const hit = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return (hit && env[hit]) ?? whole;
  });
}

function got(v: RegValue): string {
  const shown = Array.isArray(v.data) ? v.data.join("\\0") : String(v.data);
  return `，实际是 ${v.type} ${JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown)}`;
}
