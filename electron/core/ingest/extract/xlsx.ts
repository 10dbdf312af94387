import ExcelJS from "exceljs";
import type { ExtractedPage } from "../types";
import { guardZip } from "./docx";
import { extractError, type ExtractLimits } from "./limits";

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

/** XLSX via exceljs: one page per sheet, rows as `cell | cell`. */
export async function extractXlsx(path: string, limits: ExtractLimits): Promise<ExtractedPage[]> {
  await guardZip(path, limits, "xl/workbook.xml");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw extractError(`Excel 文件已损坏或格式不受支持：${path}`, String(e));
  }
  const pages: ExtractedPage[] = [];
  wb.eachSheet((sheet) => {
    const rows: string[] = [`工作表：${sheet.name}`];
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
      if (cells.some((c) => c)) rows.push(cells.join(" | "));
    });
    pages.push({ page: pages.length + 1, text: rows.join("\n") });
  });
  return pages;
}
