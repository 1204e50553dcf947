"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useBoardStore, validateBoard } from "@/lib/client/board-store";
import { MAX_CONFIG_NAME_CHARS } from "@/lib/wire/configs";

/** "Save current board…": a name, Enter saves. Refuses an invalid board and says why. */
export function SaveBoardForm({ onSave }: { onSave: (name: string) => Promise<boolean> }) {
  const layers = useBoardStore((s) => s.layers);
  const presetName = useBoardStore((s) => s.presetName);
  const { ok, summary } = validateBoard({ layers });
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const reasonId = useId();
  const trimmed = name.trim();
  const blocked = !ok || saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !trimmed) return;
    setSaving(true);
    const saved = await onSave(trimmed);
    setSaving(false);
    if (saved) setName("");
  };

  return (
    <form onSubmit={submit} className="border-b border-line p-2">
      <label htmlFor={inputId} className="mb-1 block text-xs font-semibold">
        Save current board…
      </label>
      <div className="flex gap-1.5">
        <input
          id={inputId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={MAX_CONFIG_NAME_CHARS}
          placeholder={presetName ? `e.g. ${presetName} (mine)` : "Board name"}
          aria-describedby={ok ? undefined : reasonId}
          aria-invalid={!ok || undefined}
          disabled={!ok}
          autoComplete="off"
          className="h-7 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 text-xs text-fg placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:bg-subtle"
        />
        <Button type="submit" variant="primary" size="sm" disabled={blocked || !trimmed}>
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
      {!ok && (
        <p id={reasonId} className="mt-1 text-xs text-amber-700 dark:text-amber-300">
          Can’t save yet: {summary}
        </p>
      )}
    </form>
  );
}
