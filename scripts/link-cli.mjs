#!/usr/bin/env node
// postinstall: puts the `govdesk` command in node_modules/.bin, where `npx govdesk` finds it at once.
//
// Why not package.json's "bin": npx runs a bin of the project itself by loading the whole installed
// tree first (npm's Arborist over ~1,300 packages) and linking the project into its cache: `npx
// govdesk info` took 2.1 s, of which the command was 0.2 s (issue 15, measured with npm 11.19). A
// command found in node_modules/.bin is run directly (0.6 s). The project is private and never
// installed as a package, so nothing else read "bin".
//
//   node scripts/link-cli.mjs [root] [platform]    (both default to this checkout and this machine)
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..");
const platform = process.argv[3] ?? process.platform;
const binDir = join(root, "node_modules", ".bin");
const link = join(binDir, "govdesk");

mkdirSync(binDir, { recursive: true });
rmSync(link, { force: true });
if (platform === "win32") {
  // What npm's own shims do on Windows: cmd, PowerShell, and sh for Git Bash (symlinks need rights there).
  writeFileSync(`${link}.cmd`, '@node "%~dp0\\..\\..\\bin\\govdesk.mjs" %*\r\n');
  writeFileSync(`${link}.ps1`, '& node "$PSScriptRoot/../../bin/govdesk.mjs" @args\r\nexit $LASTEXITCODE\r\n');
  writeFileSync(link, '#!/bin/sh\nexec node "$(dirname "$0")/../../bin/govdesk.mjs" "$@"\n');
  chmodSync(link, 0o755);
} else {
  symlinkSync(join("..", "..", "bin", "govdesk.mjs"), link);
}
