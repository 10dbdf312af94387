/**
 * The router is shared by every process boundary and lives in common/rpc;
 * feature handlers keep importing their types from here.
 */
export { createRouter, type CallContext, type Handlers, type JobContext, type Router, type RouterOptions } from "../../common/rpc/router";
