import type { Locator, Page } from "playwright-core";

/** Page object for the 设置 screen (antd radio groups and inputs, driven as a user would). */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(navLabel = "设置"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("settings-save").waitFor();
  }

  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Picks an option of an antd radio group by its visible label, as a user clicks it. */
  async choose(testId: string, optionLabel: string): Promise<void> {
    await this.field(testId).getByText(optionLabel, { exact: true }).click();
  }

  async save(): Promise<void> {
    await this.field("settings-save").click();
  }
}
