import type { Locator, Page } from "playwright-core";

/** Page object for the 对话 screen: ask, answers, citations, the cited page. */
export class ChatPage {
  constructor(readonly page: Page) {}

  async open(navLabel = "对话"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("chat-screen").waitFor();
  }

  input(): Locator {
    return this.page.getByTestId("chat-sender").locator("textarea");
  }

  /** Types a question and sends it with the keyboard (Enter). */
  async ask(question: string): Promise<void> {
    await this.input().fill(question);
    await this.input().press("Enter");
  }

  answers(): Locator {
    return this.page.getByTestId("chat-answer");
  }

  streamingAnswer(): Locator {
    return this.page.locator('[data-testid="chat-answer"][data-streaming="true"]');
  }

  finishedAnswers(): Locator {
    return this.page.locator('[data-testid="chat-answer"][data-streaming="false"]');
  }

  sources(answer: Locator): Locator {
    return answer.getByTestId("chat-source");
  }

  preview(): Locator {
    return this.page.getByTestId("citation-preview-text");
  }

  previewPage(): Locator {
    return this.page.getByTestId("citation-preview-page");
  }

  conversations(): Locator {
    return this.page.getByTestId("chat-conversations").locator(".ant-conversations-item");
  }

  async newConversation(): Promise<void> {
    await this.page.getByTestId("chat-conversations").getByText("新对话").click();
  }

  /** Opens 检索范围 and picks a format filter with the keyboard (type it, Enter). */
  async filterFormat(format: string): Promise<void> {
    if (!(await this.page.getByTestId("chat-filters").isVisible())) await this.page.getByTestId("chat-filters-toggle").press("Enter");
    await this.page.getByTestId("chat-filter-format").click();
    await this.page.keyboard.type(format);
    await this.page.keyboard.press("Enter");
    await this.page.keyboard.press("Escape");
  }

  /** The tag counting the filters in force (absent when none). */
  filtersActive(): Locator {
    return this.page.getByTestId("chat-filters-active");
  }

  async clearFilters(): Promise<void> {
    await this.page.getByTestId("chat-filters-clear").press("Enter");
  }
}

/** Page object for the 摘要 screen: sources by path, start, progress, cancel, result. */
export class SummarisePage {
  constructor(readonly page: Page) {}

  async open(navLabel = "摘要"): Promise<void> {
    await this.page.getByRole("menuitem", { name: navLabel }).click();
    await this.page.getByTestId("summarise-screen").waitFor();
  }

  async addPath(path: string): Promise<void> {
    await this.page.getByTestId("summarise-path").fill(path);
    await this.page.getByTestId("summarise-path").press("Enter");
  }

  async start(): Promise<void> {
    await this.page.getByTestId("summarise-start").click();
  }

  progress(): Locator {
    return this.page.getByTestId("summarise-progress");
  }

  stage(): Locator {
    return this.page.getByTestId("summarise-stage");
  }

  cancel(): Locator {
    return this.page.getByTestId("summarise-cancel");
  }

  result(): Locator {
    return this.page.getByTestId("summarise-result");
  }
}
