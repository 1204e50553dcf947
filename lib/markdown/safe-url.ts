import { defaultUrlTransform } from "react-markdown";

/**
 * Model output is untrusted. URLs go through react-markdown's default transform (drops
 * javascript:, data:, …) and a second check of our own, so a future change of the library
 * default cannot reopen it.
 */
const SAFE_PROTOCOL = /^(https?:|mailto:|#|\/(?!\/))/i;

export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url.trim());
  if (!cleaned) return "";
  if (!/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return cleaned; // relative
  return SAFE_PROTOCOL.test(cleaned) ? cleaned : "";
}
