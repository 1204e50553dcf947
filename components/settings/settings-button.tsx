"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { KeyIcon } from "@/components/ui/board-icons";
import { useSettingsStore } from "@/lib/client/settings-store";
import { SettingsDialog } from "./settings-dialog";

export function SettingsButton() {
  const [open, setOpen] = useState(false);
  const count = useSettingsStore((s) => Object.keys(s.keys).filter((k) => k !== "compatBaseUrl").length);
  return (
    <>
      <Button size="sm" aria-haspopup="dialog" onClick={() => setOpen(true)} title="Provider keys (kept in this browser)">
        <KeyIcon /> Settings
        {count > 0 && (
          <span className="rounded-full bg-accent/15 px-1.5 text-[10px] text-accent" aria-hidden="true">
            {count}
          </span>
        )}
      </Button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
