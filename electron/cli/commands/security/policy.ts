import type { Command } from "commander";
import type { PolicyStatus } from "../../../common/contracts/policy";
import { EXTRACT_HEAP_MB } from "../../../core/ingest/extract/worker-start";
import { POLICY_OPTION, print, withCore } from "./with-core";

/** Which file and, on Windows, which Group Policy key the policy came from. */
function sourceLines(r: PolicyStatus): string {
  const registry = r.sources?.find((s) => s !== r.path);
  const fileMissing = r.ok && r.exists && r.sources !== undefined && !r.sources.includes(r.path);
  return `策略文件：${r.path}${fileMissing ? "（不存在）" : ""}\n${registry ? `组策略：${registry}（其中设置的键优先于策略文件）\n` : ""}`;
}

export function formatPolicy(r: PolicyStatus): string {
  if (!r.ok) return `${sourceLines(r)}状态：无效，GovDesk 处于锁定状态\n${r.issues.map((i) => `  - ${i}`).join("\n")}\n`;
  if (!r.exists) return `策略文件：${r.path}（不存在）\n状态：未配置管理策略，不做任何限制\n`;
  const p = r.policy;
  // Only keys set by the registry are marked; everything else is the file's or the default.
  const from = (key: string) => {
    const origin = r.origins?.[key];
    return origin && origin !== r.path ? `（来自 ${origin}）` : "";
  };
  const rows: [string, string, string][] = [
    ["允许的模型", p.models.allowedSha256 ? p.models.allowedSha256.join(", ") || "（无）" : "不限", "models.allowedSha256"],
    ["共享模型目录", p.models.sharedFolder ?? "—", "models.sharedFolder"],
    ["允许的内网主机", p.remote.allowedHosts.join(", ") || "（无，只允许本机）", "remote.allowedHosts"],
    ["发送前脱敏", p.remote.redact ? "是" : "否", "remote.redact"],
    ["知识包目录", p.knowledgePacks.folder ?? "—", "knowledgePacks.folder"],
    ["禁止导出", p.exports.disabled ? "是" : "否", "exports.disabled"],
    ["导出时脱敏", p.exports.redact ? "是" : "否", "exports.redact"],
    ["文件大小上限", p.limits.maxFileSizeMb !== undefined ? `${p.limits.maxFileSizeMb} MB` : "不限", "limits.maxFileSizeMb"],
    ["页数上限", p.limits.maxPages !== undefined ? String(p.limits.maxPages) : "不限", "limits.maxPages"],
    ["每个文件的解析内存上限", p.limits.maxParserMemoryMb !== undefined ? `${p.limits.maxParserMemoryMb} MB` : `默认（本机 ${EXTRACT_HEAP_MB} MB）`, "limits.maxParserMemoryMb"],
    ["审计记录问题原文", p.audit.logQuestions ? "是" : "否（只记事件）", "audit.logQuestions"],
    ["审计保留天数", String(p.audit.retentionDays), "audit.retentionDays"],
    ["锁定的设置", r.locked.map((l) => `${l.key}=${JSON.stringify(l.value)}${from(`lockedSettings.${l.key}`)}`).join(", ") || "（无）", ""],
  ];
  return `${sourceLines(r)}状态：有效\n${rows.map(([k, v, key]) => `${k}：${v}${key ? from(key) : ""}`).join("\n")}\n`;
}

export function registerPolicyCommands(program: Command): void {
  const policy = program.command("policy").description("管理策略：查看与检查 / admin policy");

  policy
    .command("show")
    .description("显示当前生效的管理策略 / show the policy in force")
    .option(...POLICY_OPTION)
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("policy.get", {}));
      print(opts.json, r, formatPolicy(r));
      if (!r.ok) throw new Error(r.error);
    });

  policy
    .command("check <file>")
    .description("检查一个策略文件是否有效（下发前使用） / validate a policy file")
    .action(async (file: string) => {
      // A member call, not a destructured one: Rollup 4.68 narrowed loadPolicy's parameter to the
      // core's argument-less calls when the call came through `const { loadPolicy } = await import(...)`,
      // and the bundle checked /etc/govdesk/policy.json instead of this file (security-cli test).
      const policyFiles = await import("../../../core/security/policy/load-policy");
      const r = policyFiles.loadPolicy(file);
      if (!r.ok) throw new Error(r.error);
      process.stdout.write(`策略文件有效：${r.path}\n`);
    });
}
