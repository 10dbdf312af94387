import { describe, expect, it } from "vitest";
import type { RpcClient } from "../../../electron/common/rpc/client";
import type { Contract } from "../../../electron/common/contract";
import { RpcError } from "../../../electron/common/rpc/wire";
import { bridgedClient, fromBridgeError } from "./bridged";

describe("errors through the contextBridge", () => {
  it("become RpcErrors again, code and detail kept", () => {
    const e = fromBridgeError({ name: "RpcError", code: "MODEL_LOAD_FAILED", message: "无法加载模型文件", detail: "bad shape" });
    expect(e).toBeInstanceOf(RpcError);
    expect(e).toMatchObject({ code: "MODEL_LOAD_FAILED", message: "无法加载模型文件", detail: "bad shape" });
  });

  it("leave anything else alone", () => {
    const odd = { name: "RpcError", code: "NO_SUCH_CODE", message: "x" };
    expect(fromBridgeError(odd)).toBe(odd);
    expect(fromBridgeError("boom")).toBe("boom");
    const rpc = new RpcError("NOT_FOUND", "找不到");
    expect(fromBridgeError(rpc)).toBe(rpc);
  });

  it("a bridged client rejects with RpcError and passes events through", async () => {
    const api = {
      call: () => Promise.reject({ name: "RpcError", code: "FORBIDDEN", message: "不能读取该文件" }),
      on: () => () => {},
    } as unknown as RpcClient<Contract>;
    const client = bridgedClient(api);
    await expect(client.call("app.info", {})).rejects.toBeInstanceOf(RpcError);
    expect(client.on).toBe(api.on);
  });
});
