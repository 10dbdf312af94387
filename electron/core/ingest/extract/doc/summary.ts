import iconv from "iconv-lite";

/**
 * The title in an OLE property set (\x05SummaryInformation, PIDSI_TITLE):
 * the document property a user or template filled in. Strings are in the
 * set's code page (PIDSI_CODEPAGE), e.g. 936 for GBK.
 */
export function summaryTitle(stream: Buffer | null | undefined): string | undefined {
  try {
    if (!stream || stream.length < 48) return undefined;
    const setAt = stream.readUInt32LE(44);
    const count = stream.readUInt32LE(setAt + 4);
    let codepage = 1252;
    let titleAt = -1;
    for (let i = 0; i < count && i < 256; i++) {
      const id = stream.readUInt32LE(setAt + 8 + i * 8);
      const off = setAt + stream.readUInt32LE(setAt + 12 + i * 8);
      if (id === 1 && stream.readUInt16LE(off) === 2) codepage = stream.readInt16LE(off + 4) & 0xffff;
      if (id === 2) titleAt = off;
    }
    if (titleAt < 0) return undefined;
    const type = stream.readUInt32LE(titleAt);
    const len = stream.readUInt32LE(titleAt + 4);
    if (len > 4096) return undefined;
    let s: string;
    if (type === 0x1f) s = stream.toString("utf16le", titleAt + 8, titleAt + 8 + len * 2);
    else if (type === 0x1e) {
      const bytes = stream.subarray(titleAt + 8, titleAt + 8 + len);
      const enc = codepage === 65001 ? "utf8" : codepage === 1200 ? "utf16le" : `cp${codepage}`;
      s = iconv.encodingExists(enc) ? iconv.decode(bytes, enc) : bytes.toString("latin1");
    } else return undefined;
    s = s.replace(/\0.*$/s, "").trim();
    return s || undefined;
  } catch {
    return undefined;
  }
}
