import type { Locator, Page } from "playwright-core";

/** Page object for the 知识库 screen: bases, add by path, documents, search, preview. */
export class KnowledgePage {
  constructor(readonly page: Page) {}

  async open(navLabel = "知识库"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("knowledge-screen").waitFor();
  }

  async createBase(name: string): Promise<void> {
    await this.page.getByTestId("kb-new-name").fill(name);
    await this.page.getByTestId("kb-create").click();
    await this.page.locator(`[data-testid="kb-current"]`, { hasText: name }).waitFor();
  }

  /** Types paths and starts adding, as a user would under serve (no file dialog). */
  async add(paths: string[]): Promise<void> {
    await this.page.getByTestId("kb-add-paths").fill(paths.join("\n"));
    await this.page.getByTestId("kb-add-start").click();
  }

  vectorState(): Locator {
    return this.page.getByTestId("kb-vector-state");
  }

  documents(status?: string): Locator {
    return this.page.locator(status ? `[data-testid="kb-doc"][data-status="${status}"]` : '[data-testid="kb-doc"]');
  }

  async search(query: string, issuer?: string): Promise<Locator> {
    await this.page.getByTestId("kb-search-input").fill(query);
    if (issuer !== undefined) await this.page.getByTestId("kb-search-issuer").fill(issuer);
    await this.page.getByTestId("kb-search-run").click();
    return this.page.getByTestId("kb-hit");
  }

  preview(): Locator {
    return this.page.getByTestId("kb-preview");
  }
}
