"use client";

import { useEffect } from "react";
import { fetchRunView } from "@/lib/client/run-client";
import { isActive, runStore } from "@/lib/client/run-store";
import type { RunState } from "@/lib/moa/run-state";

/**
 * A conversation's address is its latest run: `/c/<run id>`. That run holds every earlier
 * turn (a follow-up is sent with the whole conversation), so one id restores all of it.
 */
export const conversationPath = (runId: string) => `/c/${encodeURIComponent(runId)}`;

export function conversationIdFromPath(pathname: string): string | null {
  const match = /^\/c\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Loads a run into the page's store; a run still going is followed from where the snapshot ends. */
async function openConversation(id: string, signal: AbortSignal): Promise<void> {
  let run: RunState;
  try {
    ({ run } = await fetchRunView(id));
  } catch {
    if (!signal.aborted) runStore.setState({ error: "Could not open that conversation: it may have been deleted.", phase: "idle" });
    return;
  }
  if (!signal.aborted) await runStore.getState().follow(id, { snapshot: run, signal });
}

/**
 * Keeps the address bar and the conversation on screen in step: a new run pushes its URL, a
 * new chat pushes `/`, and a reload or back/forward opens what the URL names.
 */
export function useConversationUrl(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let following: { id: string; abort: AbortController } | null = null;
    const stopFollowing = () => {
      following?.abort.abort();
      following = null;
    };

    const sync = () => {
      const id = conversationIdFromPath(window.location.pathname);
      const { run, phase, newConversation } = runStore.getState();
      if (id && id !== run.runId) {
        stopFollowing();
        following = { id, abort: new AbortController() };
        void openConversation(id, following.abort.signal);
      } else if (!id && run.runId && !isActive(phase)) {
        stopFollowing();
        newConversation();
      }
    };
    sync();
    window.addEventListener("popstate", sync);

    const unsubscribe = runStore.subscribe((state, previous) => {
      const id = state.run.runId;
      if (id === previous.run.runId) return;
      if (following && following.id !== id) stopFollowing();
      const shown = conversationIdFromPath(window.location.pathname);
      if (id && id !== shown) window.history.pushState(null, "", conversationPath(id));
      else if (!id && shown) window.history.pushState(null, "", "/");
    });
    return () => {
      window.removeEventListener("popstate", sync);
      unsubscribe();
      stopFollowing();
    };
  }, [ready]);
}
