/**
 * CLI: write GovDesk's deterministic tiny test model to a file.
 *
 *   tsx scripts/make-test-model.ts <out.gguf>
 *
 * Prints "<absolute path> <size> bytes sha256:<hex>" on one line.
 */
import path from "node:path";
import { buildTinyLlama } from "./test-model/tiny-llama";
import { sha256Hex, writeModelFile } from "./test-model/ensure";

const USAGE = "usage: tsx scripts/make-test-model.ts <out.gguf>";

async function main(args: string[]): Promise<number> {
    const out = args[0];
    if (args.length !== 1 || out === undefined || out === "" || out.startsWith("-")) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
    const file = path.resolve(out);
    const bytes = buildTinyLlama();
    const sha256 = sha256Hex(bytes);
    await writeModelFile(file, bytes, sha256);
    process.stdout.write(`${file} ${bytes.length} bytes sha256:${sha256}\n`);
    return 0;
}

main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(`make-test-model: ${message.split("\n")[0]}\n`);
        process.exitCode = 1;
    }
);
