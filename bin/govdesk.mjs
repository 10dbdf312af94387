#!/usr/bin/env node
// Launcher for the `govdesk` command: runs the bundled CLI (dist/cli, built by
// `npm ci` through the `prepare` script, or `npm run build`). A developer who
// wants the TypeScript sources without a build asks for them with
// GOVDESK_DEV=1 (or `npm run dev:cli -- …`): tsx costs 2–3 s and up to 1 GB of
// memory per command, so it is never chosen silently.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "electron/cli/main.ts");
const bundle = join(root, "dist/cli/govdesk.mjs");

if (process.env.GOVDESK_DEV === "1" && existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
} else if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  process.stderr.write(
    "错误：找不到 GovDesk 命令行程序（dist/cli），请在项目目录运行 npm run build；开发时可设 GOVDESK_DEV=1 直接运行源码 / error: CLI not built, run npm run build (or set GOVDESK_DEV=1)\n",
  );
  process.exitCode = 1;
}
