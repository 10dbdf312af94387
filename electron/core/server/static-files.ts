import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a URL path to a file inside `root`, or null if it would leave it
 * (`..`, encoded separators, NUL). "/" serves index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const relative = decoded === "/" || decoded === "" ? "index.html" : decoded.replace(/^\/+/, "");
  if (relative.split("/").some((seg) => seg === "..")) return null;
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
}

/**
 * The file for `urlPath`, or null. With `gzip` (the browser accepts it) a
 * pre-compressed copy beside the file (`x.js.gz`, made by the build: see
 * scripts/build/precompress.ts) is returned instead when there is one,
 * marked `encoding: "gzip"`; the type is still the plain file's.
 */
export async function readStatic(root: string, urlPath: string, gzip = false): Promise<{ body: Buffer; type: string; encoding?: "gzip" } | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    if (gzip) {
      const compressed = await readFile(`${path}.gz`).catch(() => null);
      if (compressed) return { body: compressed, type: contentType(path), encoding: "gzip" };
    }
    return { body: await readFile(path), type: contentType(path) };
  } catch {
    return null;
  }
}

/**
 * Whether an Accept-Encoding header allows gzip: named with a non-zero q, or
 * not named and `*` allowed (RFC 9110 12.5.3: a named coding overrides `*`).
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  const weights = new Map<string, number>();
  for (const part of value.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (!coding) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(coding.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = weights.get("gzip") ?? weights.get("*");
  return weight !== undefined && weight > 0;
}
