/**
 * Parsing what `reg.exe query <key> /s` prints. Pure, so tests run on any
 * platform against captured outputs. The format, per key:
 *
 *   HKEY_LOCAL_MACHINE\Software\Policies\GovDesk\exports
 *       disabled    REG_DWORD    0x1
 *       hosts    REG_MULTI_SZ    a\0b
 *
 * a line naming the key, then one line per value (four spaces, name, four
 * spaces, type, four spaces, data), then a blank line.
 */

export type RegData = string | number | string[];

export interface RegValue {
  /** The key as reg prints it, e.g. `HKEY_LOCAL_MACHINE\Software\Policies\GovDesk\exports`. */
  key: string;
  name: string;
  type: string;
  /** REG_DWORD/REG_QWORD: a number; REG_MULTI_SZ: its items; anything else: the text as printed. */
  data: RegData;
}

export interface RegQuery {
  keys: string[];
  values: RegValue[];
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

export function parseRegQuery(text: string): RegQuery {
  const keys: string[] = [];
  const values: RegValue[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.replace(/\r$/, "");
    if (/^HKEY_/i.test(line)) {
      keys.push(line.trim());
      continue;
    }
    const m = VALUE_LINE.exec(line);
    const key = keys.at(-1);
    if (!m || key === undefined) continue;
    const type = m[2]!;
    values.push({ key, name: m[1]!, type, data: regData(type, m[3] ?? "") });
  }
  return { keys, values };
}

function regData(type: string, text: string): RegData {
  if (type === "REG_DWORD" || type === "REG_QWORD") {
    const n = /^0x[0-9a-f]+$/i.test(text) ? Number(BigInt(text)) : NaN;
    return Number.isSafeInteger(n) ? n : text;
  }
  if (type === "REG_MULTI_SZ") {
    // reg shows the NUL separators as the two characters `\0`.
    return text === "" ? [] : text.split("\\0").filter((item) => item !== "");
  }
  return text;
}

/**
 * The text of reg's output. reg writes in the console's code page when its
 * output is a pipe (GBK/CP936 on Chinese Windows), so bytes that are not
 * valid UTF-8 are read as GB18030 (a superset of GBK).
 */
export function decodeRegOutput(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030").decode(bytes);
    } catch {
      return new TextDecoder("latin1").decode(bytes);
    }
  }
}

/** `HKEY_LOCAL_MACHINE\…` and `HKLM\…` are the same key; the rest compares case-insensitively, like the registry. */
export function normaliseRegKey(key: string): string {
  return key
    .replace(/^HKEY_LOCAL_MACHINE(?=\\|$)/i, "HKLM")
    .replace(/\\+$/, "")
    .toLowerCase();
}

/** The path of `key` below `root` (`""` for the root itself), or null when it is not under it. */
export function relativeRegKey(key: string, root: string): string | null {
  const trimmed = key.replace(/\\+$/, "");
  const k = normaliseRegKey(trimmed);
  const r = normaliseRegKey(root);
  if (k === r) return "";
  // Keep reg's own spelling of the part below the root.
  return k.startsWith(`${r}\\`) ? trimmed.slice(trimmed.length - (k.length - r.length) + 1) : null;
}
