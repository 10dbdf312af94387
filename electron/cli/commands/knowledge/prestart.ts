import { statSync } from "node:fs";
import { extname } from "node:path";
import { prestartExtraction } from "../../../core/ingest/extract/worker-start";
import { batchExtractionThreads } from "../../../core/services/cpus";

/**
 * `kb add` starts its extraction threads before it opens the core: each
 * thread starts and loads pdfjs (the costliest parser to load) while this
 * thread loads the core and opens the database, on a core that would
 * otherwise sit idle. As many threads as the batch will use
 * (batchExtractionThreads), and no more than the files named.
 * pdfjs is loaded when a PDF or a folder is named. Returns the threads started.
 */
export function prestartForAdd(paths: string[]): number {
  let files = 0;
  let bytes = 0;
  let folder = false;
  let pdf = false;
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) folder = true;
      else if (st.isFile()) {
        files++;
        bytes += st.size;
      }
    } catch {
      continue; // reported by the command itself, in its words
    }
    if (extname(p).toLowerCase() === ".pdf") pdf = true;
  }
  // A folder's size is not known yet: the small batch's threads now, the pipeline adds any more it needs.
  const threads = batchExtractionThreads(folder ? 0 : bytes);
  return prestartExtraction(folder ? threads : Math.min(threads, files), folder || pdf ? ["pdf"] : []).length;
}
