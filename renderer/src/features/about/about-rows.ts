import type { AppInfo } from "../../../../electron/common/contract";
import type { ModelRuntime } from "../../../../electron/common/contracts/models";
import { backendName } from "../models/format";
import type { MessageKey } from "../../i18n/zh-CN";

/** A cell's content: text shown as is, or a message to translate. */
export type AboutValue = { text: string } | { key: MessageKey };

export interface AboutRow {
  id: string;
  label: MessageKey;
  value: AboutValue;
  /** Stable hook for end-to-end tests on the cells they check. */
  testId?: string;
}

const HOST_KEYS: Record<AppInfo["host"], MessageKey> = {
  electron: "about.hosts.electron",
  serve: "about.hosts.serve",
  cli: "about.hosts.cli",
  test: "about.hosts.test",
};

const orNotApplicable = (v: string | null): AboutValue => (v ? { text: v } : { key: "about.notApplicable" });

/** The About panel's rows, in display order; pure so it can be tested without a DOM. */
export function aboutRows(info: AppInfo): AboutRow[] {
  return [
    { id: "name", label: "about.productName", value: { text: info.name } },
    { id: "version", label: "about.version", value: { text: info.version }, testId: "about-version" },
    { id: "dataDir", label: "about.dataDir", value: { text: info.dataDir }, testId: "about-data-dir" },
    { id: "corePid", label: "about.corePid", value: { text: String(info.corePid) }, testId: "about-core-pid" },
    { id: "host", label: "about.host", value: { key: HOST_KEYS[info.host] }, testId: "about-host" },
    { id: "platform", label: "about.platform", value: { text: `${info.platform} / ${info.arch}` } },
    { id: "node", label: "about.node", value: { text: info.versions.node } },
    { id: "electron", label: "about.electron", value: orNotApplicable(info.versions.electron) },
    { id: "chrome", label: "about.chrome", value: orNotApplicable(info.versions.chrome) },
    { id: "sqlite", label: "about.sqlite", value: { text: info.versions.sqlite } },
    { id: "sqliteVec", label: "about.sqliteVec", value: { text: info.versions.sqliteVec } },
    { id: "schema", label: "about.schemaVersion", value: { text: String(info.schemaVersion) }, testId: "about-schema-version" },
  ];
}

/**
 * The llama.cpp runtime rows: backend (CPU, CUDA, Vulkan, Metal) with its
 * GPUs, the llama.cpp build and node-llama-cpp's version.
 */
export function runtimeRows(rt: ModelRuntime): AboutRow[] {
  const backend = backendName(rt.backend) + (rt.gpuDevices.length ? ` (${rt.gpuDevices.join(", ")})` : "");
  return [
    { id: "backend", label: "about.backend", value: { text: backend }, testId: "about-backend" },
    { id: "llamaCpp", label: "about.llamaCpp", value: orNotApplicable(rt.llamaCpp), testId: "about-llama-cpp" },
    { id: "nodeLlamaCpp", label: "about.nodeLlamaCpp", value: orNotApplicable(rt.nodeLlamaCpp) },
  ];
}
