import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { classifyIp } from "./ip-ranges";

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type HostLookup = (host: string) => Promise<ResolvedAddress[]>;

export interface EndpointGuardOptions {
  /** Let endpoints on this machine or the local network through (local Ollama, a dev server). */
  allowPrivate?: boolean;
  /** DNS resolution; injectable so tests never touch the network. */
  lookup?: HostLookup;
  /**
   * Origins (`http://127.0.0.1:11434`) the operator configured and vouches for, exempt from the
   * address check even when private ones are refused; redirects elsewhere are still checked.
   */
  trustedOrigins?: readonly string[];
}

type Env = Record<string, string | undefined>;

/**
 * Private endpoints are fine on a developer's machine and dangerous on a shared server,
 * where a pasted URL could reach the cloud metadata service or the internal network.
 */
export function allowPrivateByDefault(env: Env = process.env): boolean {
  const flag = env.MOA_ALLOW_PRIVATE_ENDPOINTS;
  return flag === "1" || (env.NODE_ENV === "development" && flag !== "0");
}

const defaultLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

function refuse(message: string, cause?: unknown): never {
  throw new AppError("bad_request:endpoint", message, { cause });
}

function hostOf(url: URL): string {
  // URL keeps IPv6 literals in brackets and a trailing dot on FQDNs; neither is part of the address.
  return url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
}

function parse(raw: string): URL {
  try {
    return new URL(raw);
  } catch (error) {
    return refuse(`"${raw.slice(0, 200)}" is not a valid URL.`, error);
  }
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

// Short: engine failure messages are cut at 160 characters. The resolved address is not echoed,
// so the guard cannot be used to map the server's internal DNS.
const PRIVATE_HINT = "Only public endpoints are allowed; MOA_ALLOW_PRIVATE_ENDPOINTS=1 lifts this.";

/**
 * Refuses URLs a server should not fetch on a user's behalf: other schemes, and hosts that are
 * or resolve to loopback, private, link-local, metadata and other non-public addresses.
 * The URL parser has already turned `2130706433`, `0x7f.1` and `0177.0.0.1` into `127.0.0.1`.
 */
export async function assertPublicEndpoint(url: string, options: EndpointGuardOptions = {}): Promise<void> {
  await checkEndpoint(url, options);
}

/**
 * The same check, returning the addresses it approved when it resolved a host name. A caller
 * that connects must use exactly those: resolving again lets a DNS answer with a short TTL
 * pass the check with a public address and then send the request to 127.0.0.1 (rebinding).
 * Undefined when there is nothing to pin: an IP literal, or a check that was skipped.
 */
export async function checkEndpoint(url: string, options: EndpointGuardOptions = {}): Promise<ResolvedAddress[] | undefined> {
  const parsed = parse(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    refuse(`Endpoint must use http or https, not ${parsed.protocol.replace(/:$/, "")}.`);
  }
  if (parsed.username || parsed.password) refuse("Endpoint URL must not contain a user name or password.");
  if (options.allowPrivate ?? allowPrivateByDefault()) return undefined;
  if (options.trustedOrigins?.some((origin) => sameOrigin(origin, parsed))) return undefined;

  const host = hostOf(parsed);
  if (host === "localhost" || host.endsWith(".localhost")) {
    refuse(`Refused ${host}: it is this server itself. ${PRIVATE_HINT}`);
  }
  if (isIP(host)) {
    const kind = classifyIp(host);
    if (kind) refuse(`Refused ${host}: a ${kind} address. ${PRIVATE_HINT}`);
    return undefined;
  }

  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.lookup ?? defaultLookup)(host);
  } catch (error) {
    return refuse(`Cannot resolve endpoint host "${host}".`, error);
  }
  if (addresses.length === 0) refuse(`Cannot resolve endpoint host "${host}".`);
  // Every address counts: the HTTP client may connect to any of them.
  for (const { address } of addresses) {
    const kind = classifyIp(address);
    if (kind) refuse(`Refused ${host}: resolves to a ${kind} address. ${PRIVATE_HINT}`);
  }
  return addresses;
}
