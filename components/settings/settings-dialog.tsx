"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { KEY_NAMES, useSettingsStore, type KeyName } from "@/lib/client/settings-store";

const LABELS: Record<KeyName, { name: string; placeholder: string }> = {
  openai: { name: "OpenAI", placeholder: "sk-…" },
  anthropic: { name: "Anthropic", placeholder: "sk-ant-…" },
  together: { name: "Together AI", placeholder: "Together API key" },
  groq: { name: "Groq", placeholder: "gsk_…" },
  openrouter: { name: "OpenRouter", placeholder: "sk-or-…" },
  compat: { name: "OpenAI-compatible server", placeholder: "Key for the server below (if it needs one)" },
};

/** Provider keys for this browser. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} className="w-[min(34rem,calc(100vw-2rem))]">
      {(titleId) => <SettingsForm titleId={titleId} onClose={onClose} />}
    </ModalDialog>
  );
}

function SettingsForm({ titleId, onClose }: { titleId: string; onClose: () => void }) {
  const keys = useSettingsStore((s) => s.keys);
  const setKey = useSettingsStore((s) => s.setKey);
  const setCompatBaseUrl = useSettingsStore((s) => s.setCompatBaseUrl);
  const clearKeys = useSettingsStore((s) => s.clearKeys);
  const [show, setShow] = useState(false);
  const id = useId();
  const input =
    "h-9 w-full rounded-lg border border-line bg-bg px-3 font-mono text-sm outline-none placeholder:font-sans placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/20";

  return (
    <div className="max-h-[85vh] overflow-y-auto p-5">
      <div className="mb-1 flex items-start justify-between gap-4">
        <h2 id={titleId} className="text-lg font-semibold">
          Settings
        </h2>
        <Button variant="ghost" size="icon" aria-label="Close settings" onClick={onClose}>
          <CloseIcon />
        </Button>
      </div>
      <p className="mb-4 text-sm text-muted">
        Paste provider keys to use models this server has no key for. Keys stay in this browser only (its localStorage):
        they are sent along with each run you start, used for that run, and never stored, logged or shared by the
        server. Anyone with access to this browser profile can read them; use <em>Forget all keys</em> on a shared
        computer.
      </p>
      <div className="space-y-3">
        {KEY_NAMES.map((name) => (
          <div key={name}>
            <label htmlFor={`${id}-${name}`} className="mb-1 block text-xs font-medium">
              {LABELS[name].name} API key
            </label>
            <input
              id={`${id}-${name}`}
              type={show ? "text" : "password"}
              autoComplete="off"
              spellCheck={false}
              placeholder={LABELS[name].placeholder}
              value={keys[name] ?? ""}
              onChange={(e) => setKey(name, e.target.value)}
              className={input}
            />
          </div>
        ))}
        <div>
          <label htmlFor={`${id}-url`} className="mb-1 block text-xs font-medium">
            OpenAI-compatible base URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="http://localhost:8000/v1"
            value={keys.compatBaseUrl ?? ""}
            onChange={(e) => setCompatBaseUrl(e.target.value)}
            className={input}
          />
          <p className="mt-1 text-[11px] text-muted">
            vLLM, llama.cpp, LM Studio, Ollama’s /v1 …: then use model ids like <code>compat:my-model</code>.
          </p>
        </div>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-2">
        <label className="mr-auto inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="accent-accent" />
          Show keys
        </label>
        <Button variant="danger" size="sm" onClick={clearKeys}>
          Forget all keys
        </Button>
        <Button variant="primary" size="sm" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
