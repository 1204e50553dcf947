import "server-only";
import { AppError } from "@/lib/errors";
import { guardedFetch } from "@/lib/security/guarded-fetch";
import { parseSuite } from "./parse-suite";
import { suiteSource } from "./sources";
import type { SuiteKind } from "./types";

type Env = Record<string, string | undefined>;

/** AlpacaEval's baseline file is a few MB; anything far past that is not the file we asked for. */
const DEFAULT_MAX_BYTES = 20_000_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export interface FetchedSuite {
  kind: SuiteKind;
  /** The file as published: the page reads it as it reads an upload. */
  text: string;
  fileName: string;
  url: string;
  items: number;
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

const sizeText = (bytes: number) => (bytes >= 1_000_000 ? `${Math.round(bytes / 1_000_000)} MB` : bytes >= 1_000 ? `${Math.round(bytes / 1_000)} kB` : `${bytes} bytes`);
const timeText = (ms: number) => (ms >= 1_000 ? `${Math.round(ms / 1_000)} s` : `${ms} ms`);

/** The body as text, refused as soon as it passes `maxBytes`, whatever Content-Length said. */
async function readCapped(response: Response, maxBytes: number, tooBig: () => AppError): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/**
 * Fetches a benchmark from its public source, on the server: every hop through the SSRF guard
 * (an operator's own `MOA_SUITE_URL_*` origin is trusted, redirects elsewhere are still
 * checked), with a size cap and a timeout, and parsed with the suite's schema before the page
 * sees it. Nothing is stored.
 */
export async function fetchSuiteSource(kind: SuiteKind, env: Env = process.env): Promise<FetchedSuite> {
  const source = suiteSource(kind);
  const override = env[source.env]?.trim();
  const url = override || source.url;
  const maxBytes = positive(env.MOA_SUITE_FETCH_MAX_BYTES, DEFAULT_MAX_BYTES);
  const timeoutMs = positive(env.MOA_SUITE_FETCH_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
  const fetcher = guardedFetch(override ? { trustedOrigins: [new URL(url).origin] } : {});
  const where = `${source.label} source (${url})`;

  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetcher(url, { signal, headers: { accept: "application/json, application/x-ndjson, text/plain, */*" } });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (signal.aborted) throw new AppError("upstream:suite_timeout", `The ${where} did not answer within ${timeText(timeoutMs)}.`, { cause: error });
    throw new AppError("upstream:suite_unreachable", `The ${where} could not be reached.`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError("upstream:suite_status", `The ${where} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`);
  }
  const tooBig = () => new AppError("upstream:suite_too_big", `The ${where} sent more than ${sizeText(maxBytes)}, the limit for a suite file.`);
  let text: string;
  try {
    text = await readCapped(response, maxBytes, tooBig);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (signal.aborted) throw new AppError("upstream:suite_timeout", `The ${where} did not finish sending within ${timeText(timeoutMs)}.`, { cause: error });
    throw new AppError("upstream:suite_unreachable", `The ${where} broke off while sending.`, { cause: error });
  }

  const parsed = parseSuite(text, kind);
  const problem = "error" in parsed ? parsed.error : parsed.items.length === 0 ? (parsed.errors[0] ?? "no items") : undefined;
  if (problem || "error" in parsed) {
    throw new AppError("upstream:suite_format", `The ${where} is not a ${source.label} file: ${problem}.`);
  }
  return { kind, text, fileName: source.fileName, url, items: parsed.items.length };
}
