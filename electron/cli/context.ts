import { homedir } from "node:os";
import type { Command } from "commander";
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

type Client = ReturnType<typeof openCore>["client"];

/**
 * Runs one command against a core opened in this process, closing both
 * after. `--policy <file>` (audit and policy commands) sets GOVDESK_POLICY
 * before the core first reads the policy.
 */
export async function withCore<T>(cmd: Command, fn: (client: Client) => Promise<T>): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions & { policy?: string }>();
  if (opts.policy) process.env["GOVDESK_POLICY"] = opts.policy;
  const { core, client } = openCore(opts, "cli");
  try {
    return await fn(client);
  } finally {
    client.close();
    await core.close();
  }
}
