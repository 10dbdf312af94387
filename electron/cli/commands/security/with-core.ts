import type { Command } from "commander";
import { openCore, type GlobalOptions } from "../../context";

type Client = ReturnType<typeof openCore>["client"];

/**
 * Runs `fn` with a core and a client, closing both after. `--policy` sets
 * GOVDESK_POLICY for this process, before the core first reads the policy.
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

export const POLICY_OPTION = ["--policy <file>", "使用此策略文件（默认系统位置或 GOVDESK_POLICY） / policy file to use"] as const;

export function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
}
