import pkg from "../../../package.json" with { type: "json" };
import type { AppInfo, HostKind } from "../../common/contract";
import type { Store } from "../store/open-store";

export const APP_NAME = "GovDesk 政务助手";
export const APP_VERSION: string = pkg.version;

export function appInfo(store: Store, dataDir: string, host: HostKind): AppInfo {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    dataDir,
    corePid: process.pid,
    host,
    platform: process.platform,
    arch: process.arch,
    schemaVersion: store.schemaVersion,
    versions: {
      node: process.versions.node,
      electron: process.versions["electron"] ?? null,
      chrome: process.versions["chrome"] ?? null,
      sqlite: store.versions.sqlite,
      sqliteVec: store.versions.sqliteVec,
    },
  };
}
