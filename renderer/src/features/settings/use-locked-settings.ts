import { useEffect, useState } from "react";
import { api } from "../../api";

/** Settings the admin policy locks: key -> reason shown beside the disabled field. */
export type LockedSettings = ReadonlyMap<string, string>;

export function useLockedSettings(): LockedSettings {
  const [locked, setLocked] = useState<LockedSettings>(new Map());
  useEffect(() => {
    let live = true;
    api.call("policy.get", {}).then(
      (status) => live && status.ok && setLocked(new Map(status.locked.map((l) => [l.key, l.reason]))),
      () => {}, // the 管理 screen shows policy errors; here nothing is locked then
    );
    return () => {
      live = false;
    };
  }, []);
  return locked;
}
