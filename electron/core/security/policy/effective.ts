import type { LockedSetting, Policy } from "../../../common/contracts/policy";
import type { Settings } from "../../../common/settings";

export const DEFAULT_LOCK_REASON = "由管理员通过管理策略统一设置";

/** The settings in force: the user's, with every locked key replaced by the policy's value. */
export function effectiveSettings(user: Settings, policy: Policy): Settings {
  return { ...user, ...policy.lockedSettings };
}

/** Which settings the policy locks, to what, and the reason users see. */
export function lockedKeys(policy: Policy): LockedSetting[] {
  const reason = policy.lockReason ?? DEFAULT_LOCK_REASON;
  return Object.entries(policy.lockedSettings).map(([key, value]) => ({ key, value, reason }));
}

/** The keys of a settings patch that the policy does not allow the user to change. */
export function lockedKeysIn(patch: Partial<Settings>, policy: Policy): string[] {
  // Sending a locked key with its locked value changes nothing (the settings
  // form always sends every field), so only a different value is refused.
  const locked = policy.lockedSettings as Record<string, unknown>;
  return Object.entries(patch)
    .filter(([k, v]) => Object.hasOwn(locked, k) && JSON.stringify(locked[k]) !== JSON.stringify(v))
    .map(([k]) => k);
}
