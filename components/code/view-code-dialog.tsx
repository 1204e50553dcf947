"use client";

import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CloseIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { boardToConfig, useBoardStore } from "@/lib/client/board-store";
import { boardSnippets, slugOfBoard, type Snippets } from "@/lib/client/code-snippets";
import { readOwner } from "@/lib/client/owner";
import { fetchConfigs } from "@/lib/client/saved-configs";
import type { ConfigEntry } from "@/lib/wire/configs";
import { useRunStore } from "@/lib/client/run-store";

const TABS: Array<{ id: keyof Snippets; label: string }> = [
  { id: "curl", label: "curl" },
  { id: "typescript", label: "TypeScript" },
  { id: "python", label: "Python" },
  { id: "json", label: "Board JSON" },
];

const DEFAULT_PROMPT = "Explain Mixture-of-Agents in one paragraph.";

function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1_500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="sm"
      onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
      aria-label={`Copy the ${what}`}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/** "View code": the current board as a call of `/api/v1` from curl, TypeScript and Python, and as JSON. */
export function ViewCodeDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const layers = useBoardStore((s) => s.layers);
  const lastPrompt = useRunStore((s) => s.messages.findLast((m) => m.role === "user")?.content);
  const [tab, setTab] = useState<keyof Snippets>("curl");
  const [entries, setEntries] = useState<ConfigEntry[]>([]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    // Without the list the board is shown inline, which runs just the same.
    fetchConfigs(readOwner()).then((list) => live && setEntries(list), () => {});
    return () => {
      live = false;
    };
  }, [open]);

  const config = useMemo(() => boardToConfig({ layers }), [layers]);
  const slug = slugOfBoard(config, entries);
  const snippets = useMemo(
    () => (open ? boardSnippets({ baseUrl: `${window.location.origin}/api/v1`, config, slug, prompt: lastPrompt ?? DEFAULT_PROMPT }) : undefined),
    [open, config, slug, lastPrompt],
  );
  const label = TABS.find((t) => t.id === tab)!.label;

  return (
    <ModalDialog open={open} onClose={onClose} className="w-[min(52rem,calc(100vw-2rem))]">
      {(titleId) => (
        <div className="flex max-h-[88vh] flex-col gap-3 p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold">
                Call this board from code
              </h2>
              <p className="text-sm text-muted">
                {slug ? (
                  <>
                    It is saved as <code className="font-mono">moa/{slug}</code>: any OpenAI client can call it by that model name.
                  </>
                ) : (
                  <>
                    Not saved: the board travels with the request as <code className="font-mono">moa_config</code>. Save it to call it by name.
                  </>
                )}
              </p>
            </div>
            <Button variant="ghost" size="icon" aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </Button>
          </div>
          <div role="tablist" aria-label="Language" className="flex gap-1 border-b border-line">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`code-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="code-panel"
                onClick={() => setTab(t.id)}
                className={cn(
                  "-mb-px border-b-2 px-3 py-1.5 text-sm",
                  tab === t.id ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
                )}
              >
                {t.label}
              </button>
            ))}
            <span className="ml-auto pb-1">{snippets && <CopyButton text={snippets[tab]} what={`${label} code`} />}</span>
          </div>
          <div id="code-panel" role="tabpanel" aria-labelledby={`code-tab-${tab}`} className="min-h-0 overflow-auto rounded-lg border border-line bg-subtle/60">
            <pre className="p-3 font-mono text-[0.8125rem] leading-relaxed whitespace-pre" data-testid="code-snippet">
              {snippets?.[tab]}
            </pre>
          </div>
          <p className="text-xs text-muted">
            Keys stay on the server: the board runs with the providers this server is configured for. See docs/api.md for streaming and
            the intermediate-progress extension.
          </p>
        </div>
      )}
    </ModalDialog>
  );
}
