import { useEffect, useState } from "react";

/** `flag`, but turning true only after it has stayed true for `ms` (avoids a banner flash at start). */
export function useDelayed(flag: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return flag && shown;
}
