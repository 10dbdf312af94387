import { describe, expect, it } from "vitest";
import type { AppInfo } from "../../../../electron/common/contract";
import { aboutRows, runtimeRows } from "./about-rows";

const info: AppInfo = {
  name: "GovDesk 政务助手",
  version: "0.1.0",
  dataDir: "/home/u/.govdesk",
  corePid: 4242,
  host: "serve",
  platform: "linux",
  arch: "x64",
  schemaVersion: 3,
  versions: { node: "20.19.0", electron: null, chrome: null, sqlite: "3.50.0", sqliteVec: "0.1.9" },
};

describe("aboutRows", () => {
  const rows = aboutRows(info);
  const byId = (id: string) => rows.find((r) => r.id === id);

  it("shows version and data directory with their test ids", () => {
    expect(byId("version")).toMatchObject({ value: { text: "0.1.0" }, testId: "about-version" });
    expect(byId("dataDir")).toMatchObject({ value: { text: "/home/u/.govdesk" }, testId: "about-data-dir" });
  });

  it("translates the host and marks missing Electron versions", () => {
    expect(byId("host")?.value).toEqual({ key: "about.hosts.serve" });
    expect(byId("electron")?.value).toEqual({ key: "about.notApplicable" });
    expect(byId("chrome")?.value).toEqual({ key: "about.notApplicable" });
  });

  it("lists pid, platform, runtime and schema versions", () => {
    expect(byId("corePid")?.value).toEqual({ text: "4242" });
    expect(byId("platform")?.value).toEqual({ text: "linux / x64" });
    expect(byId("sqliteVec")?.value).toEqual({ text: "0.1.9" });
    expect(byId("schema")?.value).toEqual({ text: "3" });
  });

  it("has unique ids", () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe("runtimeRows", () => {
  it("names the llama.cpp backend and its build", () => {
    const rows = runtimeRows({ backend: "cuda", gpuDevices: ["RTX 4090"], llamaCpp: "ggml-org/llama.cpp b6100", nodeLlamaCpp: "3.21.1" });
    expect(rows.map((r) => r.value)).toEqual([{ text: "NVIDIA CUDA (RTX 4090)" }, { text: "ggml-org/llama.cpp b6100" }, { text: "3.21.1" }]);
    expect(runtimeRows({ backend: "cpu", gpuDevices: [], llamaCpp: null, nodeLlamaCpp: null })[1]!.value).toEqual({ key: "about.notApplicable" });
  });
});
