/**
 * One GovDesk per data directory. Electron keeps the single-instance lock in
 * userData, so main must set userData (--data-dir) BEFORE asking for it; two
 * different data directories (e.g. an e2e run beside the user's app) then
 * do not block each other, while a second launch on the same data would
 * otherwise open the same SQLite database twice.
 */
export interface WindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export type FocusAction = "restore" | "show" | "focus";

/** What to do with our window when a second launch is attempted. */
export function secondInstanceActions(win: Pick<WindowLike, "isDestroyed" | "isMinimized" | "isVisible"> | null): FocusAction[] {
  if (!win || win.isDestroyed()) return [];
  const actions: FocusAction[] = [];
  if (win.isMinimized()) actions.push("restore");
  if (!win.isVisible()) actions.push("show");
  actions.push("focus");
  return actions;
}

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: "second-instance", listener: () => void): unknown;
}

/**
 * Returns false (and quits) when another instance holds the lock; the caller
 * must then do nothing else. Otherwise focuses our window on later launches.
 */
export function setupSingleInstance(app: SingleInstanceApp, getWindow: () => WindowLike | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on("second-instance", () => {
    const win = getWindow();
    if (!win) return;
    for (const action of secondInstanceActions(win)) win[action]();
  });
  return true;
}
