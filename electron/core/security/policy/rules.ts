import type { Policy } from "../../../common/contracts/security";

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
  for (const entry of policy.remote.allowedHosts) {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.toLowerCase());
    if (!m) continue;
    if (normaliseHost(m[1]!) !== h) continue;
    if (m[2] === undefined || port === undefined || String(port) === m[2]) return null;
  }
  return `管理策略不允许连接 ${h}${port !== undefined ? `:${port}` : ""}（只允许本机和策略列出的内网主机）`;
}

export function urlRefusal(policy: Policy, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `地址无效：${url}`;
  }
  const port = u.port || (u.protocol === "https:" ? "443" : u.protocol === "http:" ? "80" : undefined);
  return hostRefusal(policy, u.hostname, port);
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

export function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

export function isLoopback(host: string): boolean {
  const h = normaliseHost(host);
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::ffff:127.0.0.1" || h.endsWith(".localhost");
}
