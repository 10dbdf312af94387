import type { Locator, Page } from "playwright-core";

/** Page object for the desk's shared parts: the first-run guide and checklist, the shortcut list, the side menu. */
export class DeskPage {
  constructor(readonly page: Page) {}

  nav(label: string): Locator {
    return this.page.getByRole("menuitem", { name: label });
  }

  async go(label: string, screenTestId: string): Promise<void> {
    await this.nav(label).click();
    await this.page.getByTestId(screenTestId).waitFor();
  }

  welcome(): Locator {
    return this.page.getByTestId("guide-welcome");
  }

  checklist(): Locator {
    return this.page.getByTestId("guide-checklist");
  }

  step(id: "model" | "knowledge" | "ask", where: Locator = this.page.locator("body")): Locator {
    return where.getByTestId(`guide-step-${id}`);
  }

  async stepsDone(where: Locator): Promise<string[]> {
    const out: string[] = [];
    for (const id of ["model", "knowledge", "ask"] as const) out.push((await this.step(id, where).getAttribute("data-done")) ?? "?");
    return out;
  }
}
