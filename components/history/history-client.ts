import { ownerHeaders } from "@/lib/client/owner";
import type { RunPage } from "@/lib/runs/history";

/** The browser side of "my runs". The owner secret goes in a header, never in a URL. */

export class HistoryError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "HistoryError";
  }
}

async function failure(response: Response, fallback: string): Promise<HistoryError> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new HistoryError(body?.error?.message ?? fallback, response.status);
}

export async function fetchRunPage(owner: string, before?: string, limit = 20): Promise<RunPage> {
  const params = new URLSearchParams({ limit: String(limit), ...(before && { before }) });
  const response = await fetch(`/api/runs?${params}`, { headers: ownerHeaders(owner), cache: "no-store" });
  if (!response.ok) throw await failure(response, "Could not load your runs.");
  return (await response.json()) as RunPage;
}

export async function deleteRun(id: string, owner: string): Promise<void> {
  const response = await fetch(`/api/runs/${encodeURIComponent(id)}`, { method: "DELETE", headers: ownerHeaders(owner) });
  if (!response.ok) throw await failure(response, "Could not delete the run.");
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function relativeTime(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  return "just now";
}
