import { resolve } from "node:path";
import { RpcError } from "../../../common/rpc/wire";
import type { CoreServices } from "../../services";
import { namedPaths, type NamedPath } from "../../../common/rpc/named-paths";
import type { MethodDef } from "../../../common/rpc/define";
import { realPath, rootMatcher, type PathRoot } from "./path-rules";

/**
 * The places the user chose in this session: what main's file dialog or a
 * drop onto the window returned (Electron), or the folders `govdesk serve`
 * was told to allow. Granted only by the trusted side, never over the RPC.
 */
export class PathGrants {
  private readonly roots: PathRoot[] = [];

  grant(roots: readonly PathRoot[]): void {
    for (const r of roots) this.roots.push({ ...r, path: resolve(r.path) });
  }

  list(): readonly PathRoot[] {
    return this.roots;
  }
}

export type PathGuard = (method: string, def: MethodDef, input: unknown) => void;

/**
 * Refuses a UI request that names a path outside what the user chose or a
 * knowledge base already holds, so a renderer that ran a document's script
 * still cannot make the core read ~/.ssh or write over a system file. Which
 * fields are paths is declared on each call in the contract (rules.paths).
 * The CLI is not guarded: its paths are typed by the user in their own shell.
 */
export function createPathGuard(s: CoreServices, grants: PathGrants): PathGuard {
  return (method, def, input) => {
    const named = namedPaths(def.rules, input);
    if (!named.length) return;
    // Built once per request, and only when a path needs more than the grants.
    const granted = rootMatcher(grants.list());
    let known: ((target: string, given: string) => boolean) | null = null;
    for (const n of named) {
      const target = realPath(n.path);
      if (granted(target)) continue;
      known ??= knownPlaces(s);
      if (n.use === "write" || !known(target, resolve(n.path))) refuse(s, method, n);
    }
  };
}

/**
 * Places the UI may read without a grant: knowledge bases' watched folders,
 * imported models and the admin's shared folders, and each file that is a
 * knowledge-base document or a model registered in place.
 */
function knownPlaces(s: CoreServices): (target: string, given: string) => boolean {
  const roots: PathRoot[] = [{ path: resolve(s.dataDir, "models"), scope: "tree" }];
  const watched = s.store.db.prepare("SELECT watch_path AS p FROM kb_bases WHERE watch_path IS NOT NULL").all() as { p: string }[];
  for (const { p } of watched) roots.push({ path: p, scope: "tree" });
  const load = s.policy.load;
  if (load.ok) {
    const { models, knowledgePacks } = load.policy;
    if (models.sharedFolder) roots.push({ path: models.sharedFolder, scope: "tree" });
    if (knowledgePacks.folder) roots.push({ path: knowledgePacks.folder, scope: "tree" });
  }
  const inRoots = rootMatcher(roots);
  const doc = s.store.db.prepare("SELECT 1 FROM kb_documents WHERE path = ? LIMIT 1");
  const mod = s.store.db.prepare("SELECT 1 FROM models WHERE path = ? LIMIT 1");
  const isKnownFile = (p: string): boolean => doc.get(p) !== undefined || mod.get(p) !== undefined;
  return (target, given) => inRoots(target) || isKnownFile(given) || isKnownFile(target);
}

function refuse(s: CoreServices, method: string, named: NamedPath): never {
  s.audit.record({ type: "path.refused", object: named.path, detail: { method, use: named.use } });
  s.log(`security: refused ${method} naming ${named.path} (${named.use})`);
  const how =
    s.host === "serve"
      ? "浏览器模式下只能使用启动时允许的文件夹（govdesk serve --allow-dir <文件夹>）或已在知识库中的文件。"
      : "请通过“浏览…”按钮选择文件或文件夹，或把文件拖入窗口。";
  const what = named.use === "write" ? "不能写入该位置" : "不能读取该文件";
  throw new RpcError("FORBIDDEN", `${what}：它不是您在本次使用中选择的，也不在任何知识库内。${how}`, named.path);
}
