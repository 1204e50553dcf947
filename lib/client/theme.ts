"use client";

import { useEffect } from "react";
import { create } from "zustand";

/**
 * Light/dark theme: an explicit choice persisted in localStorage, else the system's.
 * No inline script (CSP-friendly): globals.css follows prefers-color-scheme until this
 * code puts `.dark` or `.light` on <html>, so a dark system never flashes white.
 */
export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "moa-theme";

export function parseTheme(value: unknown): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}

export function storedTheme(): Theme | null {
  try {
    return parseTheme(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

export function systemTheme(): Theme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme, root: { classList: DOMTokenList } = document.documentElement): void {
  root.classList.toggle("dark", theme === "dark");
  root.classList.toggle("light", theme === "light");
}

/** Shared by the toggle button and the keyboard shortcut, so both show the same state. */
const useThemeState = create<{ theme: Theme | null }>()(() => ({ theme: null }));

export function setTheme(theme: Theme, persist: boolean): void {
  applyTheme(theme);
  useThemeState.setState({ theme });
  if (!persist) return;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // the choice then lasts for this page only
  }
}

export function toggleTheme(): void {
  setTheme(document.documentElement.classList.contains("dark") ? "light" : "dark", true);
}

/** Call once near the root: applies the stored or system theme and follows system changes. */
export function useThemeSync(): void {
  useEffect(() => {
    setTheme(storedTheme() ?? systemTheme(), false);
    const media = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => {
      if (!storedTheme()) setTheme(systemTheme(), false);
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
}

export function useTheme(): { theme: Theme | null; toggle(): void } {
  const theme = useThemeState((s) => s.theme);
  return { theme, toggle: toggleTheme };
}
