"use client";

import { Button } from "@/components/ui/button";
import { MoonIcon, SunIcon } from "@/components/ui/icons";
import { useTheme } from "@/lib/client/theme";

export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  return (
    <Button size="icon" variant="ghost" onClick={toggle} aria-label="Toggle dark mode" aria-pressed={theme === "dark"} title="Toggle dark mode (Shift+D)">
      {theme === "dark" ? <SunIcon /> : <MoonIcon />}
    </Button>
  );
}
