/**
 * Test-only child process: `node --import tsx ingest-child.ts <dataDir> <kb> <path…>`
 * runs the real ingestion on the real store and prints one line per finished
 * file, so a test can SIGKILL it midway.
 */
import { openStore } from "../../store/open-store";
import { createBase, findBase } from "../kb-repo";
import { ingestPaths } from "../pipeline";

const [dataDir, kb, ...paths] = process.argv.slice(2);
const store = openStore(dataDir!);
if (!findBase(store.db, kb!)) createBase(store.db, kb!);
let last = -1;
const r = await ingestPaths(store.db, kb!, paths, {
  threads: 2,
  onProgress: (p) => {
    if (p.done !== last) process.stdout.write(`done ${p.done}/${p.total}\n`);
    last = p.done;
  },
});
process.stdout.write(`result ${JSON.stringify(r)}\n`);
store.close();
