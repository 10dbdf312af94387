import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rpcRejection } from "../../testing/rpc-error";
import { tempDir } from "../../testing/temp-dir";
import { writeOfd } from "../testing/ofd-fixture";
import { writeZip } from "../testing/zip-writer";
import { extractFile } from "./index";

/**
 * XML external entities (what held in the security test of issue 14, kept
 * by a test): a DOCX or OFD whose XML declares an entity naming a file on
 * this machine is refused as damaged, and that file's text appears nowhere.
 */
let dir: string;
let cleanup: () => void;
let secret: string;
const SECRET = "机要口令 hunter2";

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  secret = join(dir, "secret.txt");
  writeFileSync(secret, SECRET);
});
afterAll(() => cleanup());

const doctype = (name: string): string => `<!DOCTYPE r [<!ENTITY ${name} SYSTEM "file://${secret}">]>`;

describe("external XML entities are never resolved", () => {
  it("DOCX", async () => {
    const p = join(dir, "xxe.docx");
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    await writeZip(p, [
      {
        name: "[Content_Types].xml",
        data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      {
        name: "_rels/.rels",
        data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8"?>${doctype("xxe")}<w:document ${W}><w:body><w:p><w:r><w:t>通知 &xxe; 结束</w:t></w:r></w:p></w:body></w:document>` },
    ]);
    const e = await rpcRejection(extractFile(p));
    expect(e.message).toMatch(/Word 文档已损坏或格式不受支持：.*xxe\.docx/);
    expect(`${e.message}${e.detail ?? ""}`).not.toContain("hunter2");
  });

  it("OFD", async () => {
    const p = join(dir, "xxe.ofd");
    await writeOfd(p, { pages: [[{ text: "通知 &xxe; 结束", x: 30, y: 30 }]], doctype: doctype("xxe") });
    const e = await rpcRejection(extractFile(p));
    expect(e.message).toMatch(/OFD 文件中的 Doc_0\/Pages\/Page_0/);
    expect(`${e.message}${e.detail ?? ""}`).not.toContain("hunter2");
  });
});
