import { expect } from "vitest";
import { RpcError } from "../../common/rpc/wire";

/** The RpcError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rpcRejection(p: Promise<unknown>): Promise<RpcError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RpcError);
  return e as RpcError;
}
