import type { RegRun } from "./registry-policy";

/**
 * `reg query "HKLM\Software\Policies\GovDesk" /s` outputs as Windows prints
 * them (CRLF, a blank line before each key), for the registry tests.
 */
const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

export const SHA_A = "a".repeat(64);
export const SHA_B = "B".repeat(64);

/** Every kind of value: PolicyJson, DWORD, MULTI_SZ, EXPAND_SZ, an ADMX list subkey, locked settings, Chinese. */
export const FULL_OUTPUT = crlf([
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk",
  '    PolicyJson    REG_SZ    {"audit":{"retentionDays":180},"exports":{"disabled":false,"redact":true}}',
  "    lockReason    REG_SZ    由市信息中心统一配置，如需调整请致电 12345",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\audit",
  "    logQuestions    REG_DWORD    0x1",
  "    maxFileSizeMb    REG_SZ    0.5",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\exports",
  "    disabled    REG_DWORD    0x1",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\knowledgePacks",
  "    folder    REG_SZ    \\\\fileserver\\政务\\知识包",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\limits",
  "    maxFileSizeMb    REG_DWORD    0xc8",
  "    maxPages    REG_DWORD    0x7d0",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\lockedSettings",
  "    language    REG_SZ    zh-CN",
  "    threads    REG_DWORD    0x4",
  "    fontScale    REG_SZ    115",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\models",
  `    allowedSha256    REG_MULTI_SZ    ${SHA_A}\\0${SHA_B}`,
  "    sharedFolder    REG_EXPAND_SZ    %ProgramData%\\GovDesk\\模型",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\remote",
  "    redact    REG_DWORD    0x1",
  "",
  "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk\\remote\\allowedHosts",
  "    1    REG_SZ    llm.intranet.gov.cn",
  "    2    REG_SZ    10.1.2.3:8000",
  "    10    REG_SZ    10.1.2.4",
  "",
]);

/** The key exists but holds nothing (a GPO that was emptied). */
export const EMPTY_KEY_OUTPUT = crlf(["", "HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk", ""]);

export const NOT_FOUND_EN: RegRun = { status: 1, stdout: "", stderr: "ERROR: The system was unable to find the specified registry key or value.\r\n" };
export const NOT_FOUND_ZH: RegRun = { status: 1, stdout: "", stderr: "错误: 系统找不到指定的注册表项或值。\r\n" };
export const ACCESS_DENIED: RegRun = { status: 1, stdout: "", stderr: "ERROR: Access is denied.\r\n" };

/** One subkey's values, as reg prints them. */
export function outputOf(subkey: string, ...values: string[]): string {
  return crlf(["", `HKEY_LOCAL_MACHINE\\Software\\Policies\\GovDesk${subkey ? `\\${subkey}` : ""}`, ...values.map((v) => `    ${v}`), ""]);
}
