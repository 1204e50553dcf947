import "server-only";
/**
 * Response headers for pages and API routes. Pure, so that the policy can be read and tested
 * without a running server; proxy.ts only applies them.
 */

export interface CspOptions {
  /** Fresh per request; Next reads it back from the request's CSP header and stamps its own scripts. */
  nonce: string;
  /** React's dev build evaluates code for its error overlays and stacks. */
  dev?: boolean;
  /** Page served over https: upgrade any stray http subresource rather than load it in clear. */
  https?: boolean;
}

/** 128 random bits, base64: unguessable and within the characters Next accepts in a nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; no inline script runs without the nonce.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React Flow and Tailwind set style attributes at runtime, which nonces cannot cover.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    // Same-origin only: the browser talks to our API and SSE stream, never to a provider directly.
    "connect-src": ["'self'"],
    // The attribution metrics run in a worker script of our own (components/analysis/use-attribution.ts).
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const parts = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (https) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** Share links carry a run id; a click out of a shared run should not hand it to the next site. */
export function isSharePath(pathname: string): boolean {
  return pathname === "/r" || pathname.startsWith("/r/");
}

const PERMISSIONS_POLICY = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"].join(", ");

/** For API responses: no CSP needed (no HTML), and nothing that touches the body (SSE must stream). */
export function apiSecurityHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

export function pageSecurityHeaders(options: CspOptions & { pathname: string }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": isSharePath(options.pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
