"use client";

import { useThemeSync } from "@/lib/client/theme";

/** Mounted once in the root layout; renders nothing. */
export function ThemeSync() {
  useThemeSync();
  return null;
}
