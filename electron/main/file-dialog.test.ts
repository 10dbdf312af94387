import { describe, expect, it } from "vitest";
import { openDialogOptions } from "./file-dialog";

describe("openDialogOptions", () => {
  it("maps a file request with filters and multiple selection", () => {
    expect(openDialogOptions({ kind: "file", multiple: true, filters: [{ name: "GGUF", extensions: ["gguf"] }], title: "导入模型" })).toEqual({
      properties: ["openFile", "multiSelections"],
      filters: [{ name: "GGUF", extensions: ["gguf"] }],
      title: "导入模型",
    });
  });

  it("maps a folder request", () => {
    expect(openDialogOptions({ kind: "folder" })).toEqual({ properties: ["openDirectory"] });
  });

  it("refuses anything else the page might send (preset paths, odd extensions, unknown keys)", () => {
    expect(openDialogOptions({ kind: "file", defaultPath: "/etc/shadow" })).toBeNull();
    expect(openDialogOptions({ kind: "file", filters: [{ name: "x", extensions: ["../../x"] }] })).toBeNull();
    expect(openDialogOptions({ kind: "device" })).toBeNull();
    expect(openDialogOptions(null)).toBeNull();
  });
});
