import type { Policy } from "../../../common/contracts/policy";

/** Pure checks other modules ask before they act; each returns a Chinese reason or null. */

export function modelRefusal(policy: Policy, sha256: string): string | null {
  const allowed = policy.models.allowedSha256;
  if (!allowed) return null;
  if (allowed.some((a) => a.toLowerCase() === sha256.toLowerCase())) return null;
  return `管理策略只允许使用指定的模型，此文件（sha256 ${sha256.slice(0, 12)}…）不在允许列表中`;
}

/** Loopback is always fine; anything else must be listed in remote.allowedHosts (host, or host:port). */
export function hostRefusal(policy: Policy, host: string, port?: number | string): string | null {
  const h = normaliseHost(host);
  if (isLoopback(h)) return null;
  if (listedHost(policy, h, port)) return null;
  return `管理策略不允许连接 ${h}${port !== undefined ? `:${port}` : ""}（只允许本机和策略列出的内网主机）`;
}

/**
 * The intranet model server: only a host the policy lists in
 * remote.allowedHosts, loopback included (a UI that could point the model
 * at 127.0.0.1:<any port> could make the core talk to any local service).
 * http(s) only, and no user:password in the address (keys go in their own
 * setting, which is never logged).
 */
export function remoteModelRefusal(policy: Policy, url: string): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `内网模型服务器地址无效：${url}（应形如 http://llm.intranet:8000/v1）`;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return `内网模型服务器地址只能以 http:// 或 https:// 开头：${url}`;
  if (u.username || u.password) return "内网模型服务器地址中不能包含用户名或密码：请把访问密钥填在“访问密钥”一栏";
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  const h = normaliseHost(u.hostname);
  if (listedHost(policy, h, port)) return null;
  const hosts = policy.remote.allowedHosts;
  return `管理策略不允许使用内网模型服务器 ${h}:${port}：只能使用管理员在策略 remote.allowedHosts 中列出的主机（${hosts.length ? hosts.join("、") : "目前没有列出任何主机"}）。请联系信息中心。`;
}

export function exportRefusal(policy: Policy): string | null {
  return policy.exports.disabled ? "管理策略已禁止导出" : null;
}

/** A file too large for the policy's limit, or null. */
export function fileSizeRefusal(policy: Policy, bytes: number): string | null {
  const mb = policy.limits.maxFileSizeMb;
  if (mb === undefined || bytes <= mb * 1024 * 1024) return null;
  return `文件大小 ${(bytes / 1024 / 1024).toFixed(1)} MB 超过管理策略的上限 ${mb} MB`;
}

export function pageCountRefusal(policy: Policy, pages: number): string | null {
  const max = policy.limits.maxPages;
  return max === undefined || pages <= max ? null : `页数 ${pages} 超过管理策略的上限 ${max} 页`;
}

/** remote.allowedHosts lists the host (any port), or host:port. */
function listedHost(policy: Policy, host: string, port: number | string | undefined): boolean {
  return policy.remote.allowedHosts.some((entry) => {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.toLowerCase());
    return !!m && normaliseHost(m[1]!) === host && (m[2] === undefined || port === undefined || String(port) === m[2]);
  });
}

export function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

export function isLoopback(host: string): boolean {
  const h = normaliseHost(host);
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::ffff:127.0.0.1" || h.endsWith(".localhost");
}
