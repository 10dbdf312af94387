import { describe, expect, it } from "vitest";
import type { GuideStatus } from "../../../../electron/common/contracts/assistant";
import { checklistShown, welcomeShown } from "./guide-shown";

const status = (over: Partial<GuideStatus>): GuideStatus => ({
  steps: [{ id: "model", done: false }],
  done: false,
  seen: false,
  show: "guide",
  message: null,
  remote: null,
  sharedModels: [],
  ...over,
});

describe("guide visibility", () => {
  it("shows nothing before the core has answered", () => {
    expect(checklistShown(null)).toBe(false);
    expect(welcomeShown(null)).toBe(false);
  });
  it("shows the welcome on first run and the checklist until every step is done", () => {
    expect(welcomeShown(status({}))).toBe(true);
    expect(checklistShown(status({}))).toBe(true);
    expect(welcomeShown(status({ seen: true }))).toBe(false);
    expect(checklistShown(status({ seen: true }))).toBe(true);
    expect(checklistShown(status({ done: true }))).toBe(false);
    expect(welcomeShown(status({ done: true }))).toBe(false);
  });
  it("follows the policy: checklist only, or nothing", () => {
    expect(welcomeShown(status({ show: "checklist" }))).toBe(false);
    expect(checklistShown(status({ show: "checklist" }))).toBe(true);
    expect(checklistShown(status({ show: "none" }))).toBe(false);
  });
});
