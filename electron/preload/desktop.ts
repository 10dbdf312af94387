import { PickPathsRequest, PickPathsResult, type DesktopBridge } from "../common/desktop";

/**
 * window.desktop: validates the page's request before it reaches main and
 * main's answer before it reaches the page (the receiving side validates).
 * `invoke` is ipcRenderer.invoke bound to the dialog channel (preload.ts).
 */
export function createDesktopBridge(invoke: (request: unknown) => Promise<unknown>): DesktopBridge {
  return {
    async pickPaths(request) {
      const parsed = PickPathsRequest.safeParse(request);
      if (!parsed.success) throw new TypeError("文件选择请求不正确");
      const answer = PickPathsResult.safeParse(await invoke(parsed.data));
      return answer.success ? answer.data : [];
    },
  };
}
