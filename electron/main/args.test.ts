import { describe, expect, it } from "vitest";
import { coreEnv, parseDataDirFlag } from "./args";

describe("parseDataDirFlag", () => {
  it("reads both spellings, as electron passes them (exe, [app path], args…)", () => {
    expect(parseDataDirFlag(["/usr/bin/electron", "dist/main/main.cjs", "--data-dir", "/tmp/d"])).toBe("/tmp/d");
    expect(parseDataDirFlag(["C:\\GovDesk\\GovDesk.exe", "--data-dir=D:\\数据\\GovDesk"])).toBe("D:\\数据\\GovDesk");
  });

  it("ignores a missing or empty value and takes the first flag", () => {
    expect(parseDataDirFlag(["electron", "--data-dir"])).toBeUndefined();
    expect(parseDataDirFlag(["electron", "--data-dir", "--inspect"])).toBeUndefined();
    expect(parseDataDirFlag(["electron", "--data-dir="])).toBeUndefined();
    expect(parseDataDirFlag(["electron", "--data-dir=/a", "--data-dir=/b"])).toBe("/a");
    expect(parseDataDirFlag(["electron", "--data-directory=/a"])).toBeUndefined();
  });
});

describe("coreEnv", () => {
  it("an installed app does not let GOVDESK_POLICY replace IT's policy; a development run does", () => {
    const env = { GOVDESK_POLICY: "/tmp/mine.json", GOVDESK_DEVTOOLS: "1", PATH: "/usr/bin", EMPTY: undefined };
    expect(coreEnv(env, true)).toEqual({ GOVDESK_DEVTOOLS: "1", PATH: "/usr/bin" });
    expect(coreEnv(env, false)).toEqual({ GOVDESK_POLICY: "/tmp/mine.json", GOVDESK_DEVTOOLS: "1", PATH: "/usr/bin" });
  });
});
