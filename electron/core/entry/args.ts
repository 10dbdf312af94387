import { parseArgs } from "node:util";
import { HostKind } from "../../common/contract";

/** Arguments Electron main passes to the core: `--data-dir <dir> --host electron`. */
export function parseCoreArgs(argv: string[]): { dataDir: string; host: HostKind } {
  const { values } = parseArgs({
    args: argv,
    options: { "data-dir": { type: "string" }, host: { type: "string", default: "electron" } },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = values["data-dir"];
  if (typeof dataDir !== "string" || !dataDir) throw new Error("core: --data-dir is required");
  return { dataDir, host: HostKind.parse(values.host) };
}
