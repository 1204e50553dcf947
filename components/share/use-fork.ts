"use client";

import { useEffect } from "react";
import { useBoardStore } from "@/lib/client/board-store";
import { runStore } from "@/lib/client/run-store";
import type { RunExport } from "@/lib/runs/export";

/**
 * `/?fork=<id>` opens a shared run in the playground: its board, the conversation before its
 * prompt, and the prompt itself in the box, ready to run again or change. Waits for the
 * stored board to hydrate, or the hydration would overwrite the fork.
 */
export function useFork({ ready, onPrompt }: { ready: boolean; onPrompt(prompt: string): void }): void {
  useEffect(() => {
    if (!ready) return;
    const id = new URLSearchParams(window.location.search).get("fork");
    if (!id) return;
    let alive = true;
    void (async () => {
      try {
        const response = await fetch(`/api/runs/${encodeURIComponent(id)}/export?format=json`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const { run } = (await response.json()) as RunExport;
        if (!alive) return;
        useBoardStore.getState().applyPreset(run.config, "fork");
        const promptAt = run.messages.findLastIndex((m) => m.role === "user");
        runStore.getState().newConversation();
        runStore.setState({ messages: run.messages.slice(0, Math.max(0, promptAt)) });
        onPrompt(run.messages[promptAt]?.content ?? "");
      } catch {
        if (alive) runStore.setState({ error: "Could not open that run in the playground: it may have been deleted." });
      } finally {
        // A reload must not fork again over what the user changed since.
        if (alive) window.history.replaceState(null, "", window.location.pathname);
      }
    })();
    return () => {
      alive = false;
    };
    // onPrompt is a state setter; forking once per load is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
}
