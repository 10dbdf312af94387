/**
 * `ensureTestModel()` — the one entry point tests use to get a loadable GGUF.
 *
 * Building the model in memory takes milliseconds, so rather than trusting a
 * cached file we always build it and compare sha256: a stale file from an
 * older generator version is replaced automatically. Writes go to a unique
 * temp file in the same directory followed by rename(), which is atomic on one
 * filesystem, so parallel vitest workers never observe a half-written model.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildTinyLlama } from "./tiny-llama";

export const TEST_MODEL_FILE_NAME = "tiny-llama.gguf";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function sha256Hex(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("hex");
}

/** Cache dirs to try, in order: node_modules/.cache (if node_modules exists), then the OS temp dir. */
function defaultDirs(): string[] {
    const dirs: string[] = [];
    const nodeModules = path.join(projectRoot, "node_modules");
    if (existsSync(nodeModules)) dirs.push(path.join(nodeModules, ".cache", "govdesk-test-model"));
    dirs.push(path.join(os.tmpdir(), "govdesk-test-model"));
    return dirs;
}

/** Write `bytes` to `file` atomically (temp file + rename) unless it already holds them. */
export async function writeModelFile(file: string, bytes: Uint8Array, sha256 = sha256Hex(bytes)): Promise<void> {
    const existing = await readFile(file).catch(() => undefined);
    if (existing !== undefined && sha256Hex(existing) === sha256) return;

    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
        await writeFile(tmp, bytes);
        await rename(tmp, file);
    } catch (err) {
        await rm(tmp, { force: true });
        throw err;
    }
}

/** Concurrent calls for the same dir share one check/write; settled calls are not cached. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Generate the tiny test model into `dir` (default: a cache dir, see above)
 * unless an identical file is already there, and return its absolute path.
 * Each call re-verifies the file (a few ms), so a deleted or corrupted model
 * is regenerated.
 */
export function ensureTestModel(dir?: string): Promise<string> {
    const key = dir === undefined ? "" : path.resolve(dir);
    let pending = inFlight.get(key);
    if (pending === undefined) {
        pending = ensureUncached(dir === undefined ? defaultDirs() : [path.resolve(dir)]);
        inFlight.set(key, pending);
        const forget = () => { inFlight.delete(key); };
        pending.then(forget, forget);
    }
    return pending;
}

async function ensureUncached(dirs: string[]): Promise<string> {
    const bytes = buildTinyLlama();
    const sha256 = sha256Hex(bytes);
    let lastError: unknown;
    for (const dir of dirs) {
        const file = path.join(dir, TEST_MODEL_FILE_NAME);
        try {
            await writeModelFile(file, bytes, sha256);
            return file;
        } catch (err) {
            lastError = err; // e.g. read-only node_modules: fall back to the next dir
        }
    }
    throw lastError;
}
