import { NextResponse, type NextRequest } from "next/server";
import { apiSecurityHeaders, createNonce, isApiPath, pageSecurityHeaders } from "@/lib/security/headers";

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Security headers on every response; pages also get a per-request CSP nonce. */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, protocol } = request.nextUrl;
  // Headers only: the body (including the SSE stream) passes through untouched.
  if (isApiPath(pathname)) return withHeaders(NextResponse.next(), apiSecurityHeaders());

  const nonce = createNonce();
  const headers = pageSecurityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    pathname,
  });
  // Next takes the nonce for its own inline scripts from the CSP header of the request.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // Prefetches render no document, so they need no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
