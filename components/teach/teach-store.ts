"use client";

import { create } from "zustand";
import type { BuiltDemo } from "@/lib/teach/demos";

/** Classroom state of this tab: nothing here is sent anywhere or stored. */
export interface TeachState {
  presenter: boolean;
  stepThrough: boolean;
  /** The agent whose inputs are open, if any. */
  inputsFor: { layer: number; agent: number } | null;
  demo: BuiltDemo | null;
  setPresenter(on: boolean): void;
  setStepThrough(on: boolean): void;
  openInputs(layer: number, agent: number): void;
  closeInputs(): void;
  setDemo(demo: BuiltDemo | null): void;
}

export const useTeachStore = create<TeachState>()((set) => ({
  presenter: false,
  stepThrough: false,
  inputsFor: null,
  demo: null,
  setPresenter: (presenter) => set({ presenter }),
  setStepThrough: (stepThrough) => set({ stepThrough }),
  openInputs: (layer, agent) => set({ inputsFor: { layer, agent } }),
  closeInputs: () => set({ inputsFor: null }),
  setDemo: (demo) => set({ demo }),
}));
