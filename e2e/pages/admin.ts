import type { Locator, Page } from "playwright-core";

/** Page object for the 管理 screen: policy, locked settings, audit log, redaction preview. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async open(): Promise<Locator> {
    await this.page.getByRole("menuitem", { name: "管理" }).click();
    const screen = this.page.getByTestId("admin-screen");
    await screen.waitFor();
    return screen;
  }

  policyPath(): Locator {
    return this.page.getByTestId("admin-policy-path");
  }

  policyStatus(): Locator {
    return this.page.getByTestId("admin-policy-status");
  }

  policyError(): Locator {
    return this.page.getByTestId("admin-policy-error");
  }

  lockedTable(): Locator {
    return this.page.getByTestId("admin-locked");
  }

  auditRows(): Locator {
    return this.page.getByTestId("admin-audit-table").locator("tbody tr.ant-table-row");
  }

  async verify(): Promise<Locator> {
    await this.page.getByTestId("admin-audit-verify").click();
    const result = this.page.getByTestId("admin-audit-verify-result");
    await result.waitFor();
    return result;
  }

  async exportLog(): Promise<{ fileName: string; content: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("admin-audit-export").click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { fileName: download.suggestedFilename(), content: Buffer.concat(chunks).toString("utf8") };
  }

  async redactPreview(text: string): Promise<string> {
    await this.page.getByTestId("admin-redact-input").fill(text);
    await this.page.getByTestId("admin-redact-preview").click();
    const out = this.page.getByTestId("admin-redact-output");
    await out.waitFor();
    return out.innerText();
  }
}
