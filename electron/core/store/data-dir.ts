import { mkdirSync } from "node:fs";
import { RpcError } from "../../common/rpc/wire";

const REASONS: Record<string, string> = {
  ENOTDIR: "路径中有一段是文件而不是文件夹",
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  EROFS: "所在磁盘是只读的",
  ENOSPC: "磁盘空间不足",
  EEXIST: "同名文件已存在",
};

/** Creates the data directory, turning file-system errors into a plain Chinese message. */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const reason = REASONS[code] ?? "无法创建";
    throw new RpcError(
      "UNAVAILABLE",
      `无法使用数据目录 ${dir}：${reason}。请检查 --data-dir 或 GOVDESK_DATA_DIR 设置。`,
      code || String(e),
    );
  }
}
