import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const nonceIn = (csp: string | null) => csp?.match(/'nonce-([^']+)'/)?.[1];

describe("proxy", () => {
  it("hands Next the same nonce it sends the browser, fresh per request", () => {
    const first = proxy(new NextRequest("http://localhost:3000/"));
    const second = proxy(new NextRequest("http://localhost:3000/"));
    const csp = first.headers.get("content-security-policy");
    const nonce = nonceIn(csp);
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) carries request overrides in these headers.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(nonceIn(second.headers.get("content-security-policy"))).not.toBe(nonce);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
  });

  it("leaves API responses alone apart from nosniff and the referrer policy", () => {
    const response = proxy(new NextRequest("http://localhost:3000/api/runs/abc/events"));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-middleware-override-headers")).toBeNull();
    // Pass-through: Next continues to the route, whose body streams unchanged.
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("skips static assets", () => {
    const source = new RegExp(`^${config.matcher[0].source}$`);
    expect(source.test("/")).toBe(true);
    expect(source.test("/r/abc")).toBe(true);
    expect(source.test("/api/runs")).toBe(true);
    expect(source.test("/_next/static/chunks/main.js")).toBe(false);
    expect(source.test("/_next/image")).toBe(false);
    expect(source.test("/favicon.ico")).toBe(false);
  });
});
