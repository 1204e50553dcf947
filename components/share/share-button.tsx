"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { copyText, shareUrl } from "./copy-text";

/**
 * Copies the run's link. The link is also shown, selectable, so it can be copied by hand
 * when the clipboard is blocked. It carries the run id only, never the owner secret.
 */
export function ShareButton({ runId }: { runId: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    setLink(null);
    setCopied(null);
  }, [runId]);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  const share = async () => {
    const url = shareUrl(runId);
    setLink(url);
    setCopied(await copyText(url));
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" onClick={() => void share()}>
        {copied ? <CheckIcon size={13} /> : <CopyIcon size={13} />}
        Share
      </Button>
      {link && (
        <span className="flex items-center gap-1.5 text-xs" role="status">
          {copied === true && <span className="text-emerald-700 dark:text-emerald-300">Link copied</span>}
          {copied === false && <span className="text-muted">Copy this link:</span>}
          <input
            aria-label="Share link"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="hidden w-56 rounded border border-line bg-bg px-1.5 py-0.5 font-mono text-[11px] sm:block"
          />
        </span>
      )}
    </span>
  );
}
