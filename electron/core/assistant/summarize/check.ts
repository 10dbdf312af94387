import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { SourceCheck } from "../../../common/contracts/assistant";
import { formatOf, SUPPORTED_EXTENSIONS } from "../../ingest/extract/index";

/**
 * Checks a file named for a summary when it is added, not when the summary
 * starts: it must exist, be a file (not a folder), have something in it and
 * be a format GovDesk reads. The message says what is wrong and what to do.
 */
export async function checkSource(path: string): Promise<SourceCheck> {
  const label = basename(path) || path;
  const st = await stat(path).catch((e: NodeJS.ErrnoException) => e);
  let error: string | null = null;
  if (st instanceof Error) {
    error = st.code === "ENOENT" || st.code === "ENOTDIR" ? `找不到文件“${path}”：请检查路径是否正确、文件是否已被移走。` : `无法读取“${path}”：${st.code ?? st.message}。`;
  } else if (st.isDirectory()) {
    error = `“${path}”是文件夹，请选择其中的文件；要摘要一批文件，可先加入知识库。`;
  } else if (!formatOf(path)) {
    error = `不支持的文件类型：${label}。可以摘要 ${SUPPORTED_EXTENSIONS.join(" ")} 文件。`;
  } else if (st.size === 0) {
    error = `“${label}”是空文件，没有可摘要的内容。`;
  }
  return { path, label, error };
}
