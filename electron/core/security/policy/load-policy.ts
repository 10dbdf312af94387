import { readFileSync } from "node:fs";
import type { z } from "zod";
import { Policy } from "../../../common/contracts/security";
import { resolvePolicyPath } from "./paths";

export type PolicyLoad =
  | { ok: true; path: string; exists: boolean; policy: Policy }
  | { ok: false; path: string; error: string; issues: string[] };

/** No file at the default place: nothing is restricted. */
export const NO_POLICY: Policy = Policy.parse({});

/**
 * Reads and validates the policy file. Never throws: an unreadable or
 * invalid file comes back as `ok: false` with a Chinese message naming the
 * file and each problem, and the caller locks the app down.
 */
export function loadPolicy(override?: string): PolicyLoad {
  const { path, explicit } = resolvePolicyPath(override);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !explicit) return { ok: true, path, exists: false, policy: NO_POLICY };
    const why = code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : String(e);
    return fail(path, [why]);
  }
  return parsePolicyText(text, path);
}

export function parsePolicyText(text: string, path: string): PolicyLoad {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(path, [`不是有效的 JSON（${(e as Error).message}）`]);
  }
  const parsed = Policy.safeParse(json);
  if (!parsed.success) return fail(path, parsed.error.issues.map(describeIssue));
  return { ok: true, path, exists: true, policy: parsed.data };
}

function fail(path: string, issues: string[]): PolicyLoad {
  const error = `管理策略文件 ${path} 无效，GovDesk 已锁定（请信息中心修正该文件后重新启动）：${issues.join("；")}`;
  return { ok: false, path, error, issues };
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
