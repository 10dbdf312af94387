/**
 * Strings of the shared components (search filters, the page preview), used
 * by several screens. zh-CN defines the keys; en.ts checks that en has the same.
 */
export const searchFiltersZhCN = {
  label: "检索范围",
  format: "格式",
  issuer: "发文机关",
  docNumber: "发文字号",
  dateFrom: "成文日期起（yyyy-mm-dd）",
  dateTo: "成文日期止（yyyy-mm-dd）",
  badDate: "请按 yyyy-mm-dd 填写日期，例如 2024-05-20",
  clear: "清除筛选",
} as const;

export const pagePreviewZhCN = {
  loading: "原文预览",
  title: "《{{title}}》第 {{page}} 页",
  titleFlow: "《{{title}}》（此文档没有固定页码，按段落引用）",
  where: {
    page: "第 {{page}} 页",
    pages: "第 {{from}}–{{to}} 页",
    paragraph: "第 {{from}} 段",
    paragraphs: "第 {{from}}–{{to}} 段",
  },
  prev: "上一页",
  next: "下一页",
  pageOf: "第 {{page}} / {{total}} 页",
  notOnPage: "本页未找到引用的原文，下面是整页内容。",
  needsOcr: "此页没有文字层（可能是扫描件），需要 OCR。",
  failed: "无法打开原文，请确认文件仍在知识库中后重试。",
} as const;

export const searchFiltersEn = {
  label: "Search scope",
  format: "Format",
  issuer: "Issuer",
  docNumber: "Document number",
  dateFrom: "Date from (yyyy-mm-dd)",
  dateTo: "Date to (yyyy-mm-dd)",
  badDate: "Enter the date as yyyy-mm-dd, e.g. 2024-05-20",
  clear: "Clear filters",
};

export const pagePreviewEn = {
  loading: "Preview",
  title: "{{title}}, page {{page}}",
  titleFlow: "{{title}} (no fixed pages: cited by paragraph)",
  where: {
    page: "page {{page}}",
    pages: "pages {{from}}–{{to}}",
    paragraph: "paragraph {{from}}",
    paragraphs: "paragraphs {{from}}–{{to}}",
  },
  prev: "Previous page",
  next: "Next page",
  pageOf: "Page {{page}} of {{total}}",
  notOnPage: "The cited passage was not found on this page; the whole page is shown.",
  needsOcr: "This page has no text layer (scanned?): it needs OCR.",
  failed: "Cannot open the document; check it is still in the knowledge base and try again.",
};
