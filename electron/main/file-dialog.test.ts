import { describe, expect, it } from "vitest";
import { openDialogOptions, saveDialogOptions } from "./file-dialog";

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

describe("saveDialogOptions", () => {
  it("suggests a file name only and asks before overwriting", () => {
    expect(saveDialogOptions({ defaultName: "政策.govpack", filters: [{ name: "知识包", extensions: ["govpack"] }] })).toEqual({
      defaultPath: "政策.govpack",
      properties: ["showOverwriteConfirmation", "createDirectory"],
      filters: [{ name: "知识包", extensions: ["govpack"] }],
    });
  });

  it("refuses a suggested folder or path, and unknown keys", () => {
    expect(saveDialogOptions({ defaultName: "/home/u/.bashrc" })).toBeNull();
    expect(saveDialogOptions({ defaultName: "..\\..\\x.docx" })).toBeNull();
    expect(saveDialogOptions({ defaultName: ".." })).toBeNull();
    expect(saveDialogOptions({ defaultName: "a.docx", defaultPath: "/etc/passwd" })).toBeNull();
    expect(saveDialogOptions(null)).toBeNull();
  });
});
