import "server-only";
import { AppError } from "@/lib/errors";
import { checkEndpoint, type EndpointGuardOptions } from "./endpoint-guard";
import { fetchPinned } from "./pinned-fetch";

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Credentials meant for one host must not follow a redirect to another (Anthropic uses x-api-key).
const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "api-key", "cookie", "proxy-authorization"];

async function split(input: RequestInfo | URL, init: RequestInit | undefined): Promise<[string, RequestInit]> {
  if (typeof input === "string") return [input, { ...init }];
  if (input instanceof URL) return [input.href, { ...init }];
  // Buffer a Request's body so it can be sent again after a 307/308.
  const body = input.body ? await input.arrayBuffer() : undefined;
  return [input.url, { method: input.method, headers: input.headers, body, signal: input.signal, ...init }];
}

function nextInit(init: RequestInit, status: number, sameOrigin: boolean): RequestInit {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  if (!sameOrigin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  // Browsers turn these into a body-less GET; providers that redirect rely on the same.
  if (status === 303 ? method !== "HEAD" : (status === 301 || status === 302) && method === "POST") {
    headers.delete("content-type");
    headers.delete("content-length");
    return { ...init, method: "GET", body: undefined, headers };
  }
  if (init.body instanceof ReadableStream) {
    throw new AppError("bad_request:endpoint", "Endpoint redirected a streamed request body; use the final URL instead.");
  }
  return { ...init, headers };
}

/**
 * A `fetch` for AI SDK providers (`createOpenAICompatible({ fetch })`) that checks every URL
 * it is about to contact, including each redirect target, so that a public endpoint cannot
 * bounce the server into its own network. Redirects are followed by hand, at most 5 hops.
 * A host name is resolved once per hop and the request goes to the address that was checked.
 */
export function guardedFetch(options: boolean | EndpointGuardOptions = {}): typeof fetch {
  const guard: EndpointGuardOptions = typeof options === "boolean" ? { allowPrivate: options } : options;

  return async (input, init) => {
    let [url, current] = await split(input, init);
    // Callers that asked to see redirects themselves get them, still after the check.
    const mode = current.redirect ?? "follow";

    for (let hop = 0; ; hop++) {
      const checked = await checkEndpoint(url, guard);
      const request: RequestInit = { ...current, redirect: "manual" };
      const response = checked ? await fetchPinned(url, request, checked) : await fetch(url, request);
      const location = response.headers.get("location");
      if (mode === "manual" || !REDIRECT_STATUSES.has(response.status) || !location) return response;
      await response.body?.cancel();
      if (mode === "error") throw new AppError("bad_request:endpoint", "Endpoint answered with a redirect.");
      if (hop >= MAX_REDIRECTS) {
        throw new AppError("bad_request:endpoint", `Endpoint redirected more than ${MAX_REDIRECTS} times.`);
      }
      const target = new URL(location, url);
      current = nextInit(current, response.status, target.origin === new URL(url).origin);
      url = target.href;
    }
  };
}
