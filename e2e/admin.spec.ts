import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./fixtures/browser";
import { startServe, type ServeProcess } from "./fixtures/serve";
import { AdminPage } from "./pages/admin";
import { ShellPage } from "./pages/shell";
import { tempDir } from "../electron/core/testing/temp-dir";

/**
 * The 管理 screen over the real `govdesk serve` with a real policy file:
 * policy and locked settings shown, the audit log exported and verified,
 * tampering named, an invalid policy shown as the lock-down message.
 */
let browser: Browser;
let page: Page;
let serve: ServeProcess | null = null;
let dir: string;
let cleanup: () => void;
const pageErrors: string[] = [];
const policyPath = () => join(dir, "policy.json");

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("govdesk-e2e-admin-"));
  process.env["GOVDESK_POLICY"] = policyPath();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});
afterEach(async () => {
  await page?.close();
});

async function openAdmin(): Promise<AdminPage> {
  page = await browser.newPage({ acceptDownloads: true });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  const shell = new ShellPage(page);
  await shell.open(serve!.url);
  await shell.waitRunning();
  const admin = new AdminPage(page);
  await admin.open();
  return admin;
}

describe("管理 screen", () => {
  it("shows the policy file, and the locked setting with its reason", async () => {
    writeFileSync(policyPath(), JSON.stringify({ lockedSettings: { theme: "dark" }, lockReason: "信息中心统一配置", exports: { disabled: true } }));
    serve = await startServe(join(dir, "data"));
    const admin = await openAdmin();
    await expect(admin.policyPath().innerText()).resolves.toBe(policyPath());
    await expect(admin.policyStatus().innerText()).resolves.toBe("有效");
    const locked = await admin.lockedTable().innerText();
    expect(locked).toContain("主题");
    expect(locked).toContain("dark");
    expect(locked).toContain("信息中心统一配置");
    expect(await page.getByText("禁止导出").count()).toBe(1);
    // The settings screen shows the locked field disabled with the reason, and saving the
    // other fields still works (the locked value is sent unchanged).
    await page.getByRole("menuitem", { name: "设置" }).click();
    await expect(page.getByTestId("settings-locked-theme").innerText()).resolves.toContain("信息中心统一配置");
    expect(await page.getByTestId("settings-theme").locator("input[disabled]").count()).toBe(2);
    await page.getByTestId("settings-font-scale").getByText(/较大/).click();
    await page.getByTestId("settings-save").click();
    await page.getByText("设置已保存").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("exports the audit log as a file, verifies it, and names a tampered line", async () => {
    const admin = await openAdmin();
    const out = await admin.exportLog();
    expect(out.fileName).toMatch(/^govdesk-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(out.content.trim().split("\n").map((l) => JSON.parse(l).type)).toEqual(["policy.load"]);
    await expect.poll(() => admin.auditRows().count()).toBe(2);
    await expect((await admin.verify()).innerText()).resolves.toMatch(/校验通过：2 条记录/);

    const auditDir = join(dir, "data", "audit");
    const file = readdirSync(auditDir).find((f) => f.endsWith(".jsonl"))!;
    const lines = readFileSync(join(auditDir, file), "utf8").trim().split("\n");
    lines[0] = lines[0]!.replace("policy.json", "other.json");
    writeFileSync(join(auditDir, file), `${lines.join("\n")}\n`);
    const failed = await (await admin.verify()).innerText();
    expect(failed).toMatch(/校验失败：发现 1 处问题/);
    expect(failed).toContain(`[被修改] ${file} 第 1 行被修改`);
    expect(pageErrors).toEqual([]);
  });

  it("previews redaction: a valid ID is masked, an invalid one left", async () => {
    const admin = await openAdmin();
    const out = await admin.redactPreview("张三 11010519491231002X，李四 110105194912310021");
    expect(out).toBe("张三 110***********002X，李四 110105194912310021");
  });

  it("installs a knowledge pack made on another data dir, read-only, and searches it", async () => {
    // Made with the real CLI on a separate data dir, as IT would before handing it out.
    const other = join(dir, "other");
    writeFileSync(join(dir, "empty-policy.json"), "{}");
    writeFileSync(join(dir, "采购通知.txt"), "关于加强办公用品采购管理的通知\n一、实行季度盘点。各单位每季度末进行盘点。\n");
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/govdesk.mjs", "--data-dir", other, ...args], { encoding: "utf8", env: { ...process.env, GOVDESK_POLICY: join(dir, "empty-policy.json") } });
    for (const args of [["kb", "create", "采购"], ["kb", "add", "采购", join(dir, "采购通知.txt")], ["kb", "export", "采购", join(dir, "采购.govpack")]]) {
      const r = cli(...args);
      expect(r.status, r.stderr).toBe(0);
    }
    await openAdmin();
    await page.getByTestId("admin-pack-path").fill(join(dir, "采购.govpack"));
    await page.getByTestId("admin-pack-install").click();
    await expect(page.getByTestId("admin-pack-result").innerText()).resolves.toContain("已安装知识库“采购”（只读，1 个文档）");
    // Installed into serve's data dir: searchable there, and read-only.
    const installed = (...args: string[]) => spawnSync(process.execPath, ["bin/govdesk.mjs", "--data-dir", join(dir, "data"), ...args], { encoding: "utf8" });
    const search = installed("search", "采购", "盘点", "--json");
    expect(search.status, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).hits[0].path).toBe(join(dir, "采购通知.txt"));
    expect(installed("kb", "add", "采购", join(dir, "采购通知.txt")).stderr).toContain("是只读的");
    await page.getByTestId("admin-pack-path").fill(join(dir, "不存在.govpack"));
    await page.getByTestId("admin-pack-install").click();
    await expect(page.getByTestId("admin-pack-error").innerText()).resolves.toContain("找不到知识包文件");
  });

  it("an invalid policy file locks the app with a message naming the file", async () => {
    await serve!.stop();
    writeFileSync(policyPath(), JSON.stringify({ exports: { disabled: "yes" } }));
    serve = await startServe(join(dir, "data"));
    const admin = await openAdmin();
    const error = await admin.policyError().innerText();
    expect(error).toContain("管理策略无效，GovDesk 已锁定");
    expect(error).toContain(policyPath());
    expect(error).toContain("exports.disabled：类型应为 boolean");
  });
});
