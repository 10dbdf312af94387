import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { _electron as electron, type ElectronApplication, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * End-to-end over the real Electron binary and the built app (npx vite build
 * first). The binary is found WITHOUT require("electron"): that package
 * tries to download the binary when it is missing, which hangs offline.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const MISSING =
  "Electron binary not installed (node_modules/electron/dist missing); run npx install-electron where internet is available";

function findElectron(): { executable: string } | { reason: string } {
  const pkg = join(root, "node_modules", "electron");
  const pathFile = join(pkg, "path.txt");
  if (!existsSync(pathFile)) return { reason: MISSING };
  const relative = readFileSync(pathFile, "utf8").trim();
  const distDir = process.env["ELECTRON_OVERRIDE_DIST_PATH"] || join(pkg, "dist");
  const executable = join(distDir, relative);
  if (!relative || !existsSync(executable)) return { reason: MISSING };
  if (process.platform === "linux" && !process.env["DISPLAY"] && !process.env["WAYLAND_DISPLAY"]) {
    return { reason: "no display on Linux; run under xvfb-run" };
  }
  return { executable };
}

const found = findElectron();
const available = "executable" in found;
if (!available) console.log(`[electron e2e] skipped: ${found.reason}`);

type Win = Record<string, unknown> & {
  api?: { call(m: string, i: unknown): Promise<unknown> };
  desktop?: { pickPaths(r: unknown): Promise<string[]>; droppedPaths(f: File[]): Promise<string[]> };
};

describe.skipIf(!available)("GovDesk in Electron", () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!("executable" in found)) return;
    const mainBundle = join(root, "dist", "main", "main.cjs");
    if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run "npx vite build" before the Electron e2e`);
    dataDir = mkdtempSync(join(tmpdir(), "govdesk-e2e-"));
    const args = [root, "--data-dir", dataDir];
    // Chromium refuses to run as root with its sandbox (CI containers); the
    // renderer is still sandboxed by Blink/V8 isolation, but not by the OS.
    if (process.platform === "linux" && process.getuid?.() === 0) args.unshift("--no-sandbox");
    const env = { ...process.env } as Record<string, string>;
    env["GOVDESK_DEVTOOLS"] = "1"; // no longer anything: only the admin policy turns DevTools on
    delete env["ELECTRON_RUN_AS_NODE"];
    app = await electron.launch({ executablePath: found.executable, args, cwd: root, env, timeout: 60_000 });
    page = await app.firstWindow({ timeout: 60_000 });
    await page.waitForLoadState("domcontentloaded");
  });

  afterAll(async () => {
    await app?.close().catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens one window titled GovDesk 政务助手 on app://govdesk", async () => {
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(titles).toEqual(["GovDesk 政务助手"]);
    expect(page.url()).toMatch(/^app:\/\/govdesk\/index\.html/);
  });

  it("has DevTools off without a policy that allows them (an environment variable does not)", async () => {
    // With webPreferences.devTools false, openDevTools() does nothing.
    const opened = await app.evaluate(async ({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      contents.openDevTools({ mode: "detach" });
      await new Promise((r) => setTimeout(r, 1000));
      return contents.isDevToolsOpened();
    });
    expect(opened).toBe(false);
  });

  it("renders the Chinese shell", async () => {
    await page.getByText("设置").first().waitFor({ state: "visible", timeout: 30_000 });
  });

  it("exposes window.api = { call, on } and no Node", async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Win;
      return {
        api: typeof w.api,
        keys: Object.keys(w.api ?? {}).sort(),
        require: typeof w["require"],
        process: typeof w["process"],
        module: typeof w["module"],
        Buffer: typeof w["Buffer"],
        ipcRenderer: typeof w["ipcRenderer"],
        desktop: Object.keys((w["desktop"] as object | undefined) ?? {}).sort(),
      };
    });
    expect(globals).toEqual({
      api: "object",
      keys: ["call", "on"],
      require: "undefined",
      process: "undefined",
      module: "undefined",
      Buffer: "undefined",
      ipcRenderer: "undefined",
      desktop: ["droppedPaths", "pickPaths", "pickSavePath"],
    });
  });

  it("reaches the core through window.api", async () => {
    const info = (await page.evaluate(() => (window as unknown as Win).api!.call("app.info", {}))) as {
      host: string;
      dataDir: string;
    };
    expect(info.host).toBe("electron");
    expect(info.dataDir).toBe(dataDir);
  });

  it("blocks network requests to other origins", async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await fetch("https://example.com/");
        return "fetched";
      } catch (e) {
        return `blocked: ${String(e)}`;
      }
    });
    expect(outcome).toMatch(/^blocked/);
  });

  it("cancels remote loads in the session itself, not only through the page's CSP", async () => {
    // A bare window has no CSP of ours: only the webRequest filter stands in the way.
    const outcome = await app.evaluate(async ({ BrowserWindow }) => {
      const probe = new BrowserWindow({ show: false });
      try {
        await probe.loadURL("https://example.com/");
        return "loaded";
      } catch (e) {
        return String(e);
      } finally {
        probe.destroy();
      }
    });
    expect(outcome).toMatch(/ERR_BLOCKED_BY_CLIENT/);
  });

  it("serves its own files with the CSP header", async () => {
    const csp = await page.evaluate(async () => (await fetch("/index.html")).headers.get("content-security-policy"));
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("refuses new windows and navigation away from the app", async () => {
    expect(await page.evaluate(() => window.open("https://example.com/") === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = "https://example.com/";
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/govdesk\/index\.html/);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it("the page cannot make the core read a file the user did not choose; the dialog's choice can be read", async () => {
    const file = join(dataDir, "..", `govdesk-e2e-chosen-${process.pid}.txt`);
    writeFileSync(file, "关于做好年度考核工作的通知。");
    try {
      const before = await page.evaluate(
        (p) => (window as unknown as Win).api!.call("kb.extract", { path: p }).then(() => "read", (e: { message?: string }) => e.message ?? "error"),
        file,
      );
      expect(before).toContain("不能读取该文件");
      // The user's click in the native dialog is the one thing replaced: the grant to the core is real.
      await app.evaluate(({ dialog }, chosen) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
      }, file);
      const picked = await page.evaluate(() => (window as unknown as Win).desktop!.pickPaths({ kind: "file" }));
      expect(picked).toEqual([file]);
      const after = await page.evaluate((p) => (window as unknown as Win).api!.call("kb.extract", { path: p }).then(() => "read"), file);
      expect(after).toBe("read");
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("a File the page makes itself has no path: \"dropping\" it grants nothing", async () => {
    const paths = await page.evaluate(() => (window as unknown as Win).desktop!.droppedPaths([new File(["x"], "made.txt")]));
    expect(paths).toEqual([]);
  });
});
