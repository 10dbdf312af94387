import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { AuditEntry, AuditEventType, AuditVerifyResult } from "../../../common/contracts/security";
import { UsageError } from "../../errors";
import { POLICY_OPTION, print, withCore } from "./with-core";

const KIND_ZH = { modified: "被修改", deleted: "被删除", inserted: "被插入", reordered: "顺序被调换" } as const;

export function formatVerify(r: AuditVerifyResult): string {
  // Only a log that verified has its start confirmed by a retention record (audit/verify.ts checkStart).
  const pruned = r.ok && r.firstSeq !== null && r.firstSeq > 0 ? `（序号 ${r.firstSeq} 之前的文件已按保留期限删除，有删除记录为证）` : "";
  const head = `审计日志：${r.files} 个文件，${r.entries} 条记录${pruned}`;
  if (r.ok) return `${head}\n校验通过：哈希链完整。\n`;
  const lines = r.issues.map((i) => `  [${KIND_ZH[i.kind]}] ${i.message}`);
  return `${head}\n校验失败，发现 ${r.issues.length} 处问题：\n${lines.join("\n")}\n`;
}

export function formatEntries(entries: AuditEntry[], total: number): string {
  if (!entries.length) return "审计日志为空。\n";
  const rows = entries.map((e) => {
    const detail = e.detail ? ` ${JSON.stringify(e.detail)}` : "";
    return `#${e.seq}  ${e.time}  ${e.user}  ${e.type}  ${e.object}${detail}`;
  });
  return `${rows.join("\n")}\n（共 ${total} 条，显示 ${entries.length} 条）\n`;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit 应为 1 到 1000 之间的整数：${v}`);
  return n;
}

/** Checked when the command runs: the list lives beside the contract's zod schemas, which `--help` does not load. */
async function eventType(v: string): Promise<AuditEventType> {
  const { AUDIT_EVENT_TYPES } = await import("../../../common/contracts/security");
  if (!(AUDIT_EVENT_TYPES as readonly string[]).includes(v)) throw new UsageError(`未知的事件类型：${v}（可用：${AUDIT_EVENT_TYPES.join("、")}）`);
  return v as AuditEventType;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("审计日志：查看、校验、导出 / audit log");

  audit
    .command("verify")
    .description("校验审计日志的哈希链，指出被改、删、插入或调换的行 / verify the hash chain")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("audit.verify", {}));
      print(opts.json, r, formatVerify(r));
      if (!r.ok) throw new Error(`审计日志校验失败：发现 ${r.issues.length} 处问题，日志可能被篡改，请保留现场并报告管理员`);
    });

  audit
    .command("list")
    .description("列出审计记录，最新的在前 / list entries, newest first")
    .option("--limit <n>", "最多显示条数 / how many", positiveInt, 50)
    .option("--type <type>", "只看此类事件 / only this event type")
    .option("--json", "以 JSON 输出 / print JSON")
    .action(async (opts: { limit: number; type?: string; json?: boolean }, cmd: Command) => {
      const type = opts.type === undefined ? undefined : await eventType(opts.type);
      const r = await withCore(cmd, (c) => c.call("audit.list", { limit: opts.limit, ...(type ? { type } : {}) }));
      print(opts.json, r, formatEntries(r.entries, r.total));
    });

  audit
    .command("export <file>")
    .description("把整个审计日志导出为一个 JSON Lines 文件（导出本身也会记录） / export the log")
    .option(...POLICY_OPTION)
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const r = await withCore(cmd, (c) => c.call("audit.export", {}));
      try {
        writeFileSync(file, r.content, { flag: "wx" });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new Error(code === "EEXIST" ? `文件已存在：${file}（请换一个文件名）` : `无法写入 ${file}：${String(e)}`);
      }
      process.stdout.write(`已导出 ${r.entries} 条记录到 ${file}${r.verify.ok ? "（校验通过）" : "（注意：校验未通过）"}\n`);
    });
}
