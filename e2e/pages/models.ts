import type { Locator, Page } from "playwright-core";

/** Page object for the 模型 screen: import by path, the model table and its fit badges. */
export class ModelsPage {
  constructor(readonly page: Page) {}

  async open(navLabel = "模型"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("models-screen").waitFor();
  }

  /** Types a path and starts the import, as a user would under serve (no file dialog). */
  async startImport(path: string): Promise<void> {
    await this.page.getByTestId("models-import-path").fill(path);
    await this.page.getByTestId("models-import-start").click();
  }

  progress(): Locator {
    return this.page.getByTestId("models-import-progress");
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="model-row"][data-name="${name}"]`);
  }

  fitBadge(name: string): Locator {
    return this.row(name).getByTestId("model-fit");
  }
}
