import { create } from "zustand";
import type { CoreState } from "../../../electron/common/contract";
import { getCoreState } from "../api";

/** The core's health for rendering (status bar, banner); fed by connectStores(). */
interface CoreStore {
  core: CoreState;
}

export const useCoreStore = create<CoreStore>()(() => ({ core: getCoreState() }));
