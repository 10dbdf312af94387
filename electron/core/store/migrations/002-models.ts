import type { Migration } from "../migrations";

/** Imported models (issue: model runtime). Not shipped yet: may still change in this session. */
export const m002: Migration = {
  version: 2,
  name: "models",
  sql: ``,
};
