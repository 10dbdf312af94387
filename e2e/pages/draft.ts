import type { Download, Locator, Page } from "playwright-core";

/** Page object for the 写作 screen: the form, the check and its fixes, the export. */
export class DraftPage {
  constructor(readonly page: Page) {}

  async open(navLabel = "写作"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("draft-screen").waitFor();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`draft-field-${name}`);
  }

  body(): Locator {
    return this.page.getByTestId("draft-body");
  }

  async check(): Promise<void> {
    await this.page.getByTestId("draft-check").click();
    await this.page.getByTestId("draft-findings-stats").waitFor();
  }

  finding(rule: string): Locator {
    return this.page.locator(`[data-testid="draft-finding"][data-rule="${rule}"]`);
  }

  async fix(rule: string): Promise<void> {
    await this.finding(rule).first().getByTestId("draft-finding-fix").click();
    await this.finding(rule).first().waitFor({ state: "detached" });
  }

  async exportDocx(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("draft-export").click();
    return download;
  }

  drafts(): Locator {
    return this.page.getByTestId("draft-item");
  }

  status(): Locator {
    return this.page.getByTestId("draft-status");
  }
}
