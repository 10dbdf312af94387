import { execFileSync } from "node:child_process";
import { win32 } from "node:path";
import { Policy } from "../../../common/contracts/policy";
import { describeIssue, leafOrigins, mergePolicyInputs, type PolicyObject } from "./policy-layers";
import { decodeRegOutput, parseRegQuery } from "./reg-output";
import { mapRegistryValues, POLICY_JSON_VALUE, REGISTRY_KEY } from "./registry-mapping";

/** What one run of reg.exe gave: its exit status and output, or why it did not run. */
export interface RegRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** reg.exe could not be started or did not finish (missing, timed out). */
  error?: string;
}
/** Runs `reg.exe <args>`; injected so tests feed captured outputs. */
export type RunReg = (args: readonly string[]) => RegRun;

/** The policy the Group Policy key holds, if any. */
export type RegistryLayer =
  | { state: "absent" }
  | { state: "ok"; input: PolicyObject; origins: Record<string, string> }
  /** Values that fail the schema; each issue names its value. */
  | { state: "invalid"; issues: string[] }
  /** reg.exe failed: the app locks down rather than run without the admin's policy. */
  | { state: "unreadable"; issues: string[] };

export const REG_TIMEOUT_MS = 10_000;
export const REG_QUERY_ARGS = ["query", REGISTRY_KEY, "/s"] as const;

/**
 * reg.exe from System32, by full path (not PATH, which a user controls),
 * without a shell. Synchronous because the core reads the policy once,
 * synchronously, before it answers anything.
 */
export function systemRunReg(env: Record<string, string | undefined> = process.env): RunReg {
  const exe = win32.join(env["SystemRoot"] ?? env["SYSTEMROOT"] ?? "C:\\Windows", "System32", "reg.exe");
  return (args) => {
    try {
      const out = execFileSync(exe, args, { timeout: REG_TIMEOUT_MS, windowsHide: true, maxBuffer: 8 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
      return { status: 0, stdout: decodeRegOutput(out), stderr: "" };
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { status?: number | null; stdout?: Uint8Array; stderr?: Uint8Array };
      const text = (b?: Uint8Array) => (b ? decodeRegOutput(b) : "");
      if (typeof err.status === "number") return { status: err.status, stdout: text(err.stdout), stderr: text(err.stderr) };
      const why = err.code === "ENOENT" ? `找不到 ${exe}` : err.code === "ETIMEDOUT" ? `${exe} 在 ${REG_TIMEOUT_MS / 1000} 秒内没有结束` : err.message;
      return { status: null, stdout: "", stderr: "", error: why };
    }
  };
}

/** reg's message for a key that does not exist (English and Chinese Windows); its exit status is 1. */
const NOT_FOUND = /unable to find the specified registry key|找不到指定的注册表项/i;

export function readRegistryPolicy(run: RunReg, env: Record<string, string | undefined> = {}): RegistryLayer {
  const r = run(REG_QUERY_ARGS);
  if (r.status === 1 && NOT_FOUND.test(`${r.stderr}\n${r.stdout}`)) return { state: "absent" };
  if (r.status !== 0) {
    const why = r.error ?? `reg.exe 退出码 ${String(r.status)}：${(r.stderr || r.stdout).trim() || "无输出"}`;
    return { state: "unreadable", issues: [`无法读取组策略 ${REGISTRY_KEY}（${why}）`] };
  }
  return registryLayerFromOutput(r.stdout, env);
}

/** The layer a successful `reg query … /s` output describes; a key without values is no policy. */
export function registryLayerFromOutput(stdout: string, env: Record<string, string | undefined> = {}): RegistryLayer {
  const { values } = parseRegQuery(stdout);
  if (!values.length) return { state: "absent" };
  const m = mapRegistryValues(values, env);
  const issues = [...m.issues];
  const jsonName = `${REGISTRY_KEY}\\${POLICY_JSON_VALUE}`;
  let json: PolicyObject = {};
  if (m.json !== undefined) {
    const parsed = Policy.safeParse(m.json);
    if (parsed.success) json = m.json as PolicyObject;
    else issues.push(...parsed.error.issues.map((i) => `${jsonName}：${describeIssue(i)}`));
  }
  const single = Policy.safeParse(m.values);
  if (!single.success) {
    issues.push(...single.error.issues.map((i) => `${originOf(i.path, m.origins)}：${describeIssue(i)}`));
  }
  if (issues.length) return { state: "invalid", issues };
  return { state: "ok", input: mergePolicyInputs(json, m.values), origins: { ...leafOrigins(json, jsonName), ...m.origins } };
}

/** The registry value behind a schema issue's path (["models", "allowedSha256", 0] → …\models\allowedSha256). */
function originOf(path: readonly PropertyKey[], origins: Record<string, string>): string {
  const keys = path.map(String);
  for (let n = keys.length; n > 0; n--) {
    const hit = origins[keys.slice(0, n).join(".")];
    if (hit) return hit;
  }
  return REGISTRY_KEY;
}
