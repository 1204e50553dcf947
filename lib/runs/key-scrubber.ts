import "server-only";
import type { RunEvent } from "@/lib/moa/events";
import type { RunKeys } from "@/lib/wire/keys";

export const REDACTED = "[redacted]";

// Shorter values are not real keys, and cutting them out of every text would mangle answers.
const MIN_SECRET_CHARS = 8;

/** The secret values among a run's keys: the keys themselves and any credentials inside the pasted URL. */
function secretsOf(keys: RunKeys | undefined): string[] {
  if (!keys) return [];
  const values: string[] = [];
  for (const [name, value] of Object.entries(keys)) {
    if (typeof value !== "string") continue;
    if (name !== "compatBaseUrl") values.push(value.trim());
    else if (URL.canParse(value)) {
      const url = new URL(value);
      values.push(decodeURIComponent(url.username), decodeURIComponent(url.password));
    }
  }
  // Longest first, so a key that contains another is replaced whole.
  return [...new Set(values.filter((v) => v.length >= MIN_SECRET_CHARS))].sort((a, b) => b.length - a.length);
}

function contains(value: unknown, secrets: string[]): boolean {
  if (typeof value === "string") return secrets.some((s) => value.includes(s));
  if (Array.isArray(value)) return value.some((v) => contains(v, secrets));
  if (value !== null && typeof value === "object") return Object.values(value).some((v) => contains(v, secrets));
  return false;
}

function scrub(value: unknown, secrets: string[]): unknown {
  if (typeof value === "string") return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)]));
  return value;
}

/**
 * Removes the run's own keys from an event before anyone sees or stores it. Upstream error
 * messages sometimes repeat the credential they were sent, and pattern-based redaction only
 * catches keys of the usual shapes; here the exact values are known, so none slips through.
 */
export function keyScrubber(keys: RunKeys | undefined): (event: RunEvent) => RunEvent {
  const secrets = secretsOf(keys);
  if (secrets.length === 0) return (event) => event;
  return (event) => (contains(event, secrets) ? (scrub(event, secrets) as RunEvent) : event);
}
