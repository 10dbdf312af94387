import { z } from "zod";
import { contract } from "../../common/contract";
import { defineContract, job, call } from "../../common/rpc/define";
import { RpcError } from "../../common/rpc/wire";
import type { Handlers } from "../rpc/router";
import { productHandlers, type CoreServices } from "../core";

/**
 * Test-only: the product contract plus a demo job and a call that breaks its
 * own output schema, to exercise jobs, progress, cancel and output checks.
 * Never imported by product code.
 */
export const demoContract = defineContract(
  {
    ...contract.methods,
    "demo.count": job(
      "Count to `to`, one step every `stepMs`",
      z.object({ to: z.number().int().min(0).max(10_000), stepMs: z.number().int().min(0).max(1000) }).strict(),
      z.object({ counted: z.number().int() }),
    ),
    "demo.fail": job("A job that fails", z.object({}).strict(), z.object({})),
    "demo.badOutput": call("Returns data its schema forbids", z.object({}).strict(), z.object({ n: z.number() })),
    "demo.throw": call("Throws a non-RpcError", z.object({}).strict(), z.object({})),
  },
  contract.events,
);
export type DemoContract = typeof demoContract;

export function demoHandlers(s: CoreServices): Handlers<DemoContract> {
  return {
    ...productHandlers(s),
    "demo.count": async ({ to, stepMs }, ctx) => {
      for (let i = 1; i <= to; i++) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        await new Promise((r) => setTimeout(r, stepMs));
        ctx.progress(i, to, "counting");
      }
      return { counted: to };
    },
    "demo.fail": async () => {
      throw new RpcError("NOT_FOUND", "演示任务失败：找不到文件");
    },
    "demo.badOutput": () => ({ n: "not a number" }) as unknown as { n: number },
    "demo.throw": () => {
      throw new TypeError("boom");
    },
  };
}
