import { readFileSync } from "node:fs";
import { Policy } from "../../../common/contracts/policy";
import { resolvePolicyPath, type PolicyPathEnv } from "./paths";
import { describeIssue, leafOrigins, mergePolicyInputs, type PolicyObject } from "./policy-layers";
import { REGISTRY_KEY } from "./registry-mapping";
import { readRegistryPolicy, systemRunReg, type RegistryLayer, type RunReg } from "./registry-policy";

export { describeIssue } from "./policy-layers";

export type PolicyLoad =
  | {
      ok: true;
      /** The policy file's path, whether or not it exists. */
      path: string;
      /** false when neither the file nor the registry holds a policy: nothing is restricted. */
      exists: boolean;
      policy: Policy;
      /** Where the policy came from: the file's path and/or the Group Policy key, file first. */
      sources: string[];
      /** Each policy key set ("exports.disabled") → the file's path or the registry value that set it. */
      origins: Record<string, string>;
    }
  | { ok: false; path: string; error: string; issues: string[]; sources: string[] };

/** The policy file, read and checked on its own. */
export type FileLayer =
  | { state: "absent"; path: string }
  | { state: "ok"; path: string; input: PolicyObject }
  | { state: "invalid"; path: string; issues: string[] };

/** No policy anywhere: nothing is restricted. */
export const NO_POLICY: Policy = Policy.parse({});

export interface PolicySystem extends PolicyPathEnv {
  /** Runs reg.exe (win32 only); tests pass captured outputs. */
  runReg?: RunReg;
}

/**
 * Reads and validates the policy: the file, and on Windows the Group Policy
 * key, whose values override the same keys of the file. Never throws: an
 * unreadable or invalid source comes back as `ok: false` with a Chinese
 * message naming the file or registry value and each problem, and the
 * caller locks the app down.
 */
export function loadPolicy(override?: string, system: PolicySystem = { platform: process.platform, env: process.env }): PolicyLoad {
  const { path, explicit } = resolvePolicyPath(override, system);
  const file = readPolicyFile(path, explicit);
  // A file named explicitly (--policy, GOVDESK_POLICY, tests) is the whole policy.
  const registry: RegistryLayer =
    !explicit && system.platform === "win32" ? readRegistryPolicy(system.runReg ?? systemRunReg(system.env), system.env) : { state: "absent" };
  return combinePolicy(file, registry);
}

export function readPolicyFile(path: string, explicit: boolean): FileLayer {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !explicit) return { state: "absent", path };
    const why = code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : String(e);
    return { state: "invalid", path, issues: [why] };
  }
  return fileLayerFromText(text, path);
}

export function fileLayerFromText(text: string, path: string): FileLayer {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { state: "invalid", path, issues: [`不是有效的 JSON（${(e as Error).message}）`] };
  }
  const parsed = Policy.safeParse(json);
  if (!parsed.success) return { state: "invalid", path, issues: parsed.error.issues.map(describeIssue) };
  return { state: "ok", path, input: json as PolicyObject };
}

/** A policy file's text alone (no registry). */
export function parsePolicyText(text: string, path: string): PolicyLoad {
  return combinePolicy(fileLayerFromText(text, path), { state: "absent" });
}

/** The policy in force: the file, with the registry's keys over it; any invalid source locks the app. */
export function combinePolicy(file: FileLayer, registry: RegistryLayer): PolicyLoad {
  const sources = [...(file.state === "absent" ? [] : [file.path]), ...(registry.state === "absent" ? [] : [REGISTRY_KEY])];
  const errors: string[] = [];
  const issues: string[] = [];
  if (file.state === "invalid") {
    errors.push(`管理策略文件 ${file.path} 无效，GovDesk 已锁定（请信息中心修正该文件后重新启动）：${file.issues.join("；")}`);
    issues.push(...file.issues);
  }
  if (registry.state === "invalid") {
    errors.push(`组策略 ${REGISTRY_KEY} 中的管理策略无效，GovDesk 已锁定（请信息中心修正组策略后重新启动）：${registry.issues.join("；")}`);
    issues.push(...registry.issues);
  } else if (registry.state === "unreadable") {
    errors.push(`${registry.issues.join("；")}，GovDesk 已锁定（请信息中心检查本机的 reg.exe 和注册表权限后重新启动）`);
    issues.push(...registry.issues);
  }
  if (errors.length) return { ok: false, path: file.path, error: errors.join("\n"), issues, sources };

  const fileInput = file.state === "ok" ? file.input : {};
  const regInput = registry.state === "ok" ? registry.input : {};
  const parsed = Policy.safeParse(mergePolicyInputs(fileInput, regInput));
  if (!parsed.success) {
    // Each source is valid alone, so this is not expected; still never run unchecked.
    const merged = parsed.error.issues.map(describeIssue);
    return { ok: false, path: file.path, error: `管理策略（${sources.join(" 与 ")}）合并后无效，GovDesk 已锁定：${merged.join("；")}`, issues: merged, sources };
  }
  const origins = { ...leafOrigins(fileInput, file.path), ...(registry.state === "ok" ? registry.origins : {}) };
  return { ok: true, path: file.path, exists: sources.length > 0, policy: parsed.data, sources, origins };
}
