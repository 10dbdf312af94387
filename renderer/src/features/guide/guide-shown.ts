import type { GuideStatus } from "../../../../electron/common/contracts/assistant";

/** The checklist at the foot of the side bar: until every step is done, unless the policy hides the guide. */
export function checklistShown(status: GuideStatus | null): status is GuideStatus {
  return status !== null && !status.done && status.show !== "none";
}

/** The welcome dialog: first run only (until closed once), and only where the policy asks for it. */
export function welcomeShown(status: GuideStatus | null): status is GuideStatus {
  return status !== null && !status.done && !status.seen && status.show === "guide";
}
