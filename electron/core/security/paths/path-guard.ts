import { resolve } from "node:path";
import { RpcError } from "../../../common/rpc/wire";
import type { CoreServices } from "../../services";
import { namedPaths, type NamedPath } from "../../../common/rpc/named-paths";
import type { MethodDef } from "../../../common/rpc/define";
import { plainPath, realPath, rootMatcher, samePath, type PathRoot } from "./path-rules";

/**
 * The places the user chose in this session: what main's file dialog or a
 * drop onto the window returned (Electron), or the folders `govdesk serve`
 * was told to allow. Granted only by the trusted side, never over the RPC.
 * Each is kept as its real path at the moment it was chosen: a link in it
 * retargeted later does not carry the grant elsewhere.
 */
export class PathGrants {
  private readonly roots: PathRoot[] = [];
  private readonly saves: string[] = [];

  grant(roots: readonly PathRoot[]): void {
    for (const r of roots) {
      if (r.scope === "save") this.saves.push(realPath(r.path));
      else this.roots.push({ ...r, path: realPath(r.path), real: true });
    }
  }

  /** Places to read. */
  list(): readonly PathRoot[] {
    return this.roots;
  }

  /** Uses up the save-dialog grant of this exact file: true when there was one. */
  takeSave(target: string): boolean {
    const i = this.saves.findIndex((p) => samePath(p, target));
    if (i < 0) return false;
    this.saves.splice(i, 1);
    return true;
  }
}

export type PathGuard = (method: string, def: MethodDef, input: unknown) => void;

/**
 * Refuses a UI request that names a path outside what the user chose or a
 * knowledge base already holds, so a renderer that ran a document's script
 * still cannot make the core read ~/.ssh or write over a system file. Which
 * fields are paths is declared on each call in the contract (rules.paths).
 * A write goes only to the file the user chose in a save dialog (which asked
 * before replacing it), once: never into a folder merely opened, a watched
 * folder or a knowledge base, so the UI cannot replace a user's document
 * or create ~/.bashrc. The CLI is not guarded: its paths are typed by the
 * user in their own shell.
 */
export function createPathGuard(s: CoreServices, grants: PathGrants): PathGuard {
  return (method, def, input) => {
    const named = namedPaths(def.rules, input);
    if (!named.length) return;
    // Built once per request, and only when a path needs more than the grants.
    const granted = rootMatcher(grants.list());
    let known: ((target: string, plain: string | null) => boolean) | null = null;
    for (const n of named) {
      const target = realPath(n.path);
      if (n.use === "write") {
        if (!grants.takeSave(target)) refuse(s, method, n);
        continue;
      }
      if (granted(target)) continue;
      known ??= knownPlaces(s);
      if (!known(target, samePath(target, resolve(n.path)) ? target : null)) refuse(s, method, n);
    }
  };
}

/**
 * Places the UI may read without a grant: knowledge bases' watched folders,
 * imported models and the admin's shared folders, and each file that is a
 * knowledge-base document or a model registered in place. All matched by
 * real path: a document or watched folder by where it really was when it
 * was added (a link in a knowledge base retargeted at /etc/passwd is not
 * that document any more); one added before real paths were kept only
 * when its path holds no symlink (`plain`: the path given, if it is its
 * own real path).
 */
function knownPlaces(s: CoreServices): (target: string, plain: string | null) => boolean {
  const roots: PathRoot[] = [{ path: resolve(s.dataDir, "models"), scope: "tree" }];
  const watched = s.store.db.prepare("SELECT watch_path AS p, watch_real_path AS real FROM kb_bases WHERE watch_path IS NOT NULL").all() as { p: string; real: string | null }[];
  for (const { p, real } of watched) {
    const path = real ?? plainPath(p);
    if (path) roots.push({ path, scope: "tree", real: true });
  }
  const load = s.policy.load;
  if (load.ok) {
    const { models, knowledgePacks } = load.policy;
    if (models.sharedFolder) roots.push({ path: models.sharedFolder, scope: "tree" });
    if (knowledgePacks.folder) roots.push({ path: knowledgePacks.folder, scope: "tree" });
  }
  const inRoots = rootMatcher(roots);
  const doc = s.store.db.prepare("SELECT 1 FROM kb_documents WHERE real_path = ? OR (real_path IS NULL AND path = ?) LIMIT 1");
  const mod = s.store.db.prepare("SELECT 1 FROM models WHERE path = ? LIMIT 1");
  return (target, plain) => inRoots(target) || doc.get(target, plain) !== undefined || mod.get(target) !== undefined;
}

function refuse(s: CoreServices, method: string, named: NamedPath): never {
  s.audit.record({ type: "path.refused", object: named.path, detail: { method, use: named.use } });
  s.log(`security: refused ${method} naming ${named.path} (${named.use})`);
  if (named.use === "write") {
    const how =
      s.host === "serve"
        ? "浏览器模式下界面不能写入本机文件：导出的内容会作为下载交给浏览器保存；知识包请用命令行 govdesk kb export 导出。"
        : "请点击“保存…”，在弹出的保存对话框中选择位置（覆盖已有文件时对话框会先询问）。";
    throw new RpcError("FORBIDDEN", `不能写入该位置：只能写入您在保存对话框中选择的文件。${how}`, named.path);
  }
  const how =
    s.host === "serve"
      ? "浏览器模式下只能使用启动时允许的文件夹（govdesk serve --allow-dir <文件夹>）或已在知识库中的文件。"
      : "请通过“浏览…”按钮选择文件或文件夹，或把文件拖入窗口。";
  throw new RpcError("FORBIDDEN", `不能读取该文件：它不是您在本次使用中选择的，也不在任何知识库内。${how}`, named.path);
}
