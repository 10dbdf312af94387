import { statSync } from "node:fs";
import { extname } from "node:path";
import { prestartExtraction } from "../../../core/ingest/extract/worker-start";
import { extractionThreads } from "../../../core/services/cpus";

/**
 * A command that extracts (`kb add`, `extract`) starts its extraction threads
 * before it opens the core: each thread starts and loads pdfjs (the costliest
 * parser to load) while this thread loads the core and opens the database,
 * on a core that would otherwise sit idle. As many threads as the batch will
 * use: one per file named, up to the pool's size (extractionThreads); the
 * pool's size for a folder. pdfjs is loaded when a PDF or a folder is named.
 * Returns the threads started.
 */
export function prestartFor(paths: string[]): number {
  let files = 0;
  let folder = false;
  let pdf = false;
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) folder = true;
      else if (st.isFile()) files++;
    } catch {
      continue; // reported by the command itself, in its words
    }
    if (extname(p).toLowerCase() === ".pdf") pdf = true;
  }
  const threads = extractionThreads();
  return prestartExtraction(folder ? threads : Math.min(threads, files), folder || pdf ? ["pdf"] : []).length;
}
