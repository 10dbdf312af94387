import type { Messages } from "./zh-CN";

/** Types `t("…")` keys against the zh-CN resource, so a typo fails the typecheck. */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
