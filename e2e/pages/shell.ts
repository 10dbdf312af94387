import type { Locator, Page } from "playwright-core";

/** Page object for the application shell: navigation, status bar, about. */
export class ShellPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.coreState().waitFor();
  }

  coreState(): Locator {
    return this.page.getByTestId("core-state");
  }

  async waitRunning(): Promise<void> {
    await this.page.locator('[data-testid="core-state"][data-state="running"]').waitFor();
  }

  version(): Locator {
    return this.page.getByTestId("app-version");
  }

  nav(name: string): Locator {
    return this.page.getByRole("menuitem", { name });
  }

  async openAbout(): Promise<Locator> {
    await this.nav("关于").click();
    const panel = this.page.getByTestId("about-panel");
    await panel.waitFor();
    return panel;
  }
}
