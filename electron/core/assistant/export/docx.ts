import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Block } from "./markdown";

/** Chinese official-document fonts where installed; Word falls back to its own otherwise. */
const FONT = { ascii: "Times New Roman", eastAsia: "仿宋_GB2312", hAnsi: "Times New Roman" };

function paragraph(b: Block): Paragraph {
  switch (b.kind) {
    case "title":
      return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: b.text, font: FONT })] });
    case "heading":
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text, font: FONT })] });
    case "meta":
      return new Paragraph({ children: [new TextRun({ text: b.text, italics: true, color: "666666", font: FONT })] });
    case "paragraph":
      return new Paragraph({ children: [new TextRun({ text: b.text, font: FONT })] });
    case "bullet":
      return new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: b.text, font: FONT })] });
    case "source":
      return new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: b.text, size: 20, font: FONT })] });
  }
}

export async function toDocx(blocks: readonly Block[]): Promise<Buffer> {
  const doc = new Document({ creator: "GovDesk 政务助手", sections: [{ children: blocks.map(paragraph) }] });
  return Packer.toBuffer(doc);
}
