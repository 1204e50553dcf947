import { create } from "zustand";
import type { MethodKind } from "@/lib/moa/methods/schema";

/** The method the playground runs the board with; a method preset sets it with the board. */
export const useMethodStore = create<{ method: MethodKind; setMethod: (method: MethodKind) => void }>((set) => ({
  method: "moa",
  setMethod: (method) => set({ method }),
}));
