import { describe, expect, it } from "vitest";
import { devtoolsEnabled, parseDataDirFlag } from "./args";

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

describe("devtoolsEnabled", () => {
  it("is on only for GOVDESK_DEVTOOLS=1", () => {
    expect(devtoolsEnabled({ GOVDESK_DEVTOOLS: "1" })).toBe(true);
    expect(devtoolsEnabled({ GOVDESK_DEVTOOLS: "true" })).toBe(false);
    expect(devtoolsEnabled({})).toBe(false);
  });
});
