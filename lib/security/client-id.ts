import "server-only";
import { isIP } from "node:net";
import { ipv6Groups } from "./ip-ranges";

type Env = Record<string, string | undefined>;

function normalise(raw: string | null | undefined): string | undefined {
  const ip = raw?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!ip) return undefined;
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return undefined;
  // One IPv6 host usually owns a whole /64; keying on the full address would hand it 2^64 buckets.
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/**
 * Who is asking, for rate limits. Forwarding headers are set by whoever sends the request, so
 * they count only behind a proxy we trust to overwrite them (MOA_TRUST_PROXY=1); otherwise a
 * client could pick a fresh identity per request. Without one, every caller shares 'local'.
 * The last X-Forwarded-For entry is the one our proxy wrote: it is the address that proxy saw,
 * whether it replaces the header (Vercel) or appends to what the client sent (nginx).
 */
export function clientIdFrom(request: Request, env: Env = process.env): string {
  if (env.MOA_TRUST_PROXY !== "1") return "local";
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1);
  return normalise(forwarded) ?? normalise(request.headers.get("x-real-ip")) ?? "local";
}
