import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import type { ResolvedAddress } from "./endpoint-guard";

/**
 * A `lookup` for the socket that answers with addresses already checked and never asks DNS
 * again, so the address that passed the guard is the one connected to.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
    const usable: LookupAddress[] = addresses.filter((a) => family === 0 || a.family === family).map(({ address, family }) => ({ address, family }));
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = Object.assign(new Error(`no checked IPv${family} address for ${hostname}`), { code: "ENOTFOUND" });
      callback(error, "", 0);
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
}

/**
 * `fetch` that connects only to `addresses`. Only the socket's lookup changes: the URL keeps
 * its host name, so the Host header and TLS SNI (and certificate check) are the real host's.
 */
export async function fetchPinned(url: string, init: RequestInit, addresses: readonly ResolvedAddress[]): Promise<Response> {
  // One connection pool per request: a pooled socket must never serve a host resolved differently.
  const dispatcher = new Agent({ connect: { lookup: pinnedLookup(addresses) } });
  try {
    const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
    return response as unknown as Response;
  } finally {
    // Graceful: a response body still streaming finishes first, then the socket is let go.
    void dispatcher.close().catch(() => {});
  }
}
