import { describe, expect, it } from "vitest";
import { isTrustedSender, type FrameLike } from "./ipc-guard";

// Plain objects shaped like the WebFrameMain values Electron hands us.
const main: FrameLike = { url: "app://govdesk/index.html", processId: 4, routingId: 1, parent: null, detached: false };
const sub: FrameLike = { url: "app://govdesk/index.html", processId: 4, routingId: 7, parent: main, detached: false };

describe("isTrustedSender", () => {
  it("trusts the main frame of our window showing our page", () => {
    expect(isTrustedSender(main, main)).toBe(true);
    // A distinct wrapper object for the same frame (Electron may return a new one).
    expect(isTrustedSender({ ...main, url: "app://govdesk/index.html#/chat" }, main)).toBe(true);
  });

  it("refuses a missing frame (destroyed or navigated away) or a missing window", () => {
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(undefined, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });

  it("refuses a sub-frame, even one of ours at our own URL", () => {
    expect(isTrustedSender(sub, main)).toBe(false);
    expect(isTrustedSender({ ...sub, routingId: 1 }, main)).toBe(false); // same ids but has a parent
  });

  it("refuses a frame of another window or process", () => {
    expect(isTrustedSender({ ...main, processId: 5 }, main)).toBe(false);
    expect(isTrustedSender({ ...main, routingId: 2 }, main)).toBe(false);
  });

  it.each([
    "https://example.com/",
    "file:///opt/govdesk/dist/renderer/index.html",
    "app://evil/index.html",
    "app://govdesk.evil/index.html",
    "app://govdesk@evil/",
    "about:blank",
    "data:text/html,hi",
    "",
  ])("refuses our main frame once it shows %s", (url) => {
    expect(isTrustedSender({ ...main, url }, main)).toBe(false);
  });

  it("refuses a detached frame", () => {
    expect(isTrustedSender({ ...main, detached: true }, main)).toBe(false);
  });
});
