import type { Locator, Page } from "playwright-core";

/** Page object for the 设置 screen (antd Select fields, driven as a user would). */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(navLabel = "设置"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("settings-save").waitFor();
  }

  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Opens an antd Select and picks the option with the given visible label. */
  async choose(testId: string, optionLabel: string): Promise<void> {
    await this.field(testId).click();
    await this.page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionLabel }).first().click();
  }

  async save(): Promise<void> {
    await this.field("settings-save").click();
  }
}
