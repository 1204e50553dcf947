import type { SuiteKind } from "@/lib/suites/types";

export interface FetchedSuiteFile {
  text: string;
  fileName: string;
  url: string;
  items: number;
}

/** `POST /api/experiments/suites/{kind}`: the server downloads the published file and checks it; the page reads it like an upload. */
export async function fetchSuiteFile(kind: SuiteKind): Promise<FetchedSuiteFile> {
  const response = await fetch(`/api/experiments/suites/${kind}`, { method: "POST" });
  const body = (await response.json().catch(() => ({}))) as FetchedSuiteFile & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  return body;
}
