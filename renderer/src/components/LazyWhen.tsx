import { Suspense, useState, type ReactNode } from "react";

/**
 * Renders its (lazily loaded) children from the first time `when` holds,
 * and keeps them mounted after, so a modal still animates closed. Parts
 * of the shell that most starts never show (the shortcut list, the
 * first-run guide) load only when needed instead of with the window.
 */
export function LazyWhen({ when, children }: { when: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(when);
  if (when && !shown) setShown(true);
  return shown || when ? <Suspense fallback={null}>{children}</Suspense> : null;
}
