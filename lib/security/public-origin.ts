import "server-only";
type Env = Record<string, string | undefined>;

// A bare host name, IPv4 or bracketed IPv6, with an optional port: nothing that could add a path or credentials.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function first(value: string | null): string | undefined {
  const head = value?.split(",")[0]?.trim();
  return head || undefined;
}

/**
 * The origin people reach this server at, for the absolute URLs it hands out (`X-MoA-Run-Url`).
 * MOA_PUBLIC_URL wins; otherwise the request's own Host. `X-Forwarded-Host`/`-Proto` count only
 * behind a proxy we trust to set them (MOA_TRUST_PROXY=1), as for rate limits (client-id.ts):
 * anyone else could make the server print links to a host of their choosing.
 */
export function publicOrigin(request: Request, env: Env = process.env): string {
  const configured = env.MOA_PUBLIC_URL?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  const url = new URL(request.url);
  const trusted = env.MOA_TRUST_PROXY === "1";
  const forwardedProto = trusted ? first(request.headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  // Next builds request.url from X-Forwarded-Proto itself, so its scheme is only ours when no such header came.
  const ownProto = request.headers.has("x-forwarded-proto") ? "http" : url.protocol.replace(/:$/, "");
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : ownProto;
  const host = [trusted ? first(request.headers.get("x-forwarded-host")) : undefined, request.headers.get("host") ?? undefined].find(
    (candidate) => candidate !== undefined && HOST.test(candidate),
  );
  return host ? `${proto}://${host.toLowerCase()}` : url.origin;
}
