import { homedir } from "node:os";
import { resolveDataDir } from "../common/data-dir";
import { contract, type Contract, type HostKind } from "../common/contract";
import type { TransportClient } from "../common/rpc/client";
import { createCore, type Core } from "../core/core";
import { connectInProcess } from "../core/rpc/in-process";

export interface GlobalOptions {
  dataDir?: string;
}

export function dataDirFrom(options: GlobalOptions): string {
  return resolveDataDir({ platform: process.platform, env: process.env, home: homedir(), flag: options.dataDir }).dir;
}

/** Opens the core in this process and a client to it through the contract. */
export function openCore(options: GlobalOptions, host: HostKind): { core: Core; client: TransportClient<Contract> } {
  const log = process.env["GOVDESK_DEBUG"] ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const core = createCore({ dataDir: dataDirFrom(options), host, ...(log ? { log } : {}) });
  return { core, client: connectInProcess(contract, core.router) };
}
