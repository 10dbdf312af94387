import { describe, expect, it } from "vitest";
import { RpcError } from "../../../electron/common/rpc/wire";
import { errorText } from "./errors";

describe("errorText", () => {
  it("shows the core's message", () => {
    expect(errorText(new RpcError("INVALID_INPUT", "请求参数不正确"), "x")).toBe("请求参数不正确");
  });

  it("keeps the message of errors that lost their class", () => {
    expect(errorText({ message: "核心服务不可用" }, "x")).toBe("核心服务不可用");
    expect(errorText(new Error("坏了"), "x")).toBe("坏了");
  });

  it("falls back for anything else", () => {
    expect(errorText(undefined, "操作失败")).toBe("操作失败");
    expect(errorText({ message: "" }, "操作失败")).toBe("操作失败");
    expect(errorText("oops", "操作失败")).toBe("操作失败");
  });
});
