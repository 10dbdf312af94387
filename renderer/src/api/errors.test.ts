import { describe, expect, it } from "vitest";
import { RpcError } from "../../../electron/common/rpc/wire";
import { errorText } from "./errors";
import { englishError } from "./english-errors";

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

describe("englishError", () => {
  it("gives the core's common messages in English, and names the kind of any other", () => {
    expect(englishError("问题太长（最多 4000 字），请缩短后再发送", "INVALID_INPUT")).toBe("The question is too long (at most 4000 characters): shorten it and send again.");
    expect(englishError("找不到文件或文件夹：/home/u/没有.pdf", "INVALID_INPUT")).toBe("File or folder not found: /home/u/没有.pdf");
    expect(englishError("标题不能为空")).toBe("The title cannot be empty.");
    expect(englishError("某个未收录的错误", "NOT_FOUND")).toBe("Not found. (某个未收录的错误)");
    expect(englishError("already English")).toBe("already English");
  });
});
