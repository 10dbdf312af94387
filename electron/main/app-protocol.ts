import { readFile as fsReadFile } from "node:fs/promises";
import { contentTypeFor, resolveAssetPath } from "./app-scheme";
import { CONTENT_SECURITY_POLICY } from "../common/csp";

/** The part of a protocol.handle request we look at (a real Request fits). */
export interface AssetRequest {
  readonly url: string;
  readonly method: string;
}

export interface AppProtocolOptions {
  /** dist/renderer: the only folder the scheme can serve. */
  rootDir: string;
  readFile?: (file: string) => Promise<Uint8Array>;
  log?: (line: string) => void;
}

/**
 * Headers sent with every response, errors included: the CSP (so no page of
 * ours can run without it), nosniff (a file is only ever what its
 * Content-Type says), and no embedding or referrer leaking to other origins.
 */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
  };
}

function plain(status: number, text: string, method: string): Response {
  return new Response(method === "HEAD" ? null : text, {
    status,
    headers: responseHeaders("text/plain; charset=utf-8"),
  });
}

const NOT_FOUND = new Set(["ENOENT", "EISDIR", "ENOTDIR"]);

/**
 * The handler for protocol.handle("app", …): 200 with the file, 403 for a
 * URL resolveAssetPath refuses, 404 for a missing file, 405 for anything but
 * GET/HEAD. Reads with fs (not net.fetch of file://, which our own webRequest
 * filter would rightly cancel, and which would re-open file:// access).
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: AssetRequest) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fsReadFile(file));
  const log = options.log ?? (() => {});
  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") return plain(405, "Method Not Allowed", method);
    const file = resolveAssetPath(options.rootDir, request.url);
    if (file === null) {
      log(`app protocol: refused ${request.url}`);
      return plain(403, "Forbidden", method);
    }
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      if (NOT_FOUND.has(code)) return plain(404, "Not Found", method);
      log(`app protocol: cannot read ${file}: ${String(e)}`);
      return plain(500, "Internal Error", method);
    }
    const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
    return new Response(method === "HEAD" ? null : bytes, { status: 200, headers: responseHeaders(contentTypeFor(file)) });
  };
}
