import { DroppedPaths, MAX_DROPPED, PickPathsRequest, PickPathsResult, PickSavePathRequest, PickSavePathResult, type DesktopBridge } from "../common/desktop";

export interface DesktopDeps {
  /** ipcRenderer.invoke on PICK_PATHS_CHANNEL. */
  pick(request: unknown): Promise<unknown>;
  /** ipcRenderer.invoke on PICK_SAVE_PATH_CHANNEL. */
  pickSave(request: unknown): Promise<unknown>;
  /** ipcRenderer.invoke on DROPPED_PATHS_CHANNEL. */
  dropped(paths: string[]): Promise<unknown>;
  /** webUtils.getPathForFile: "" for a File the page made itself. */
  pathForFile(file: File): string;
}

/**
 * window.desktop: validates the page's request before it reaches main and
 * main's answer before it reaches the page (the receiving side validates).
 * Dropped files' paths are read here from the File objects, which the page
 * cannot forge: a File it builds itself has no path.
 */
export function createDesktopBridge(deps: DesktopDeps): DesktopBridge {
  return {
    async pickPaths(request) {
      const parsed = PickPathsRequest.safeParse(request);
      if (!parsed.success) throw new TypeError("文件选择请求不正确");
      const answer = PickPathsResult.safeParse(await deps.pick(parsed.data));
      return answer.success ? answer.data : [];
    },
    async pickSavePath(request) {
      const parsed = PickSavePathRequest.safeParse(request);
      if (!parsed.success) throw new TypeError("保存位置请求不正确");
      const answer = PickSavePathResult.safeParse(await deps.pickSave(parsed.data));
      return answer.success ? answer.data : null;
    },
    async droppedPaths(files) {
      const paths: string[] = [];
      for (const f of Array.from(files ?? []).slice(0, MAX_DROPPED)) {
        // getPathForFile throws for anything but a File; skip it rather than fail the whole drop.
        let p = "";
        try {
          p = deps.pathForFile(f);
        } catch {
          continue;
        }
        if (p) paths.push(p);
      }
      const request = DroppedPaths.safeParse(paths);
      if (!request.success) return [];
      const answer = PickPathsResult.safeParse(await deps.dropped(request.data));
      return answer.success ? answer.data : [];
    },
  };
}
