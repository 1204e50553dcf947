"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { formatMs } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { PlayIcon } from "@/components/ui/icons";
import type { Replay, ReplaySpeed } from "@/lib/client/replay";
import { replayKeyTarget } from "./replay-keys";

const SPEEDS: { value: ReplaySpeed; label: string }[] = [
  { value: 1, label: "1×" },
  { value: 4, label: "4×" },
  { value: "instant", label: "Instant" },
];

/** Play/pause, speed, a scrubber and "Show final state" for a replayed run. */
export function ReplayControls({ replay }: { replay: Replay }) {
  const snap = useSyncExternalStore(replay.subscribe, replay.getSnapshot, replay.getSnapshot);
  // The snapshot moves with each batch of events; between batches the clock still runs.
  const [, setFrame] = useState(0);
  useEffect(() => {
    if (!snap.playing) return;
    const timer = setInterval(() => setFrame((f) => f + 1), 200);
    return () => clearInterval(timer);
  }, [snap.playing]);
  const position = snap.playing ? Math.min(snap.duration, replay.getSnapshot().position) : snap.position;

  return (
    <div role="group" aria-label="Replay" className="flex flex-wrap items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2 text-sm shadow-xs">
      <Button size="sm" variant="primary" onClick={() => (snap.playing ? replay.pause() : replay.play())}>
        {!snap.playing && <PlayIcon size={12} />}
        {snap.playing ? "Pause" : snap.ended ? "Replay" : "Play"}
      </Button>
      <div role="radiogroup" aria-label="Replay speed" className="flex gap-0.5">
        {SPEEDS.map((s) => (
          <Button
            key={s.label}
            size="sm"
            variant={snap.speed === s.value ? "secondary" : "ghost"}
            role="radio"
            aria-checked={snap.speed === s.value}
            onClick={() => replay.setSpeed(s.value)}
          >
            {s.label}
          </Button>
        ))}
      </div>
      <input
        type="range"
        aria-label="Replay position"
        aria-valuetext={`${formatMs(position)} of ${formatMs(snap.duration)}`}
        className="min-w-32 flex-1 accent-[var(--color-accent,currentColor)]"
        min={0}
        max={Math.max(1, Math.round(snap.duration))}
        step={1}
        value={Math.round(position)}
        onChange={(e) => replay.seek(Number(e.currentTarget.value))}
        onKeyDown={(e) => {
          const target = replayKeyTarget(e.key, position, snap.duration);
          if (target === null) return;
          e.preventDefault();
          replay.seek(target);
        }}
      />
      <span className="text-xs text-muted tabular-nums">
        {formatMs(position)} / {formatMs(snap.duration)}
      </span>
      <Button size="sm" variant="ghost" disabled={snap.ended} onClick={() => replay.showFinal()}>
        Show final state
      </Button>
    </div>
  );
}
