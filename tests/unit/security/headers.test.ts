import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, contentSecurityPolicy, createNonce, pageSecurityHeaders } from "@/lib/security/headers";

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("runs only nonced scripts and loads everything else from this origin", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("allows eval only in development", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true }))["script-src"]).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false }))["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only on https pages (a LAN http server would break otherwise)", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe("createNonce", () => {
  it("is fresh each time and in the form Next extracts from the header", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(`'nonce-${nonce}'`).toMatch(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });
});

describe("page and API headers", () => {
  it("protects pages against framing, sniffing and leaking referrers", () => {
    const headers = pageSecurityHeaders({ nonce: "n", pathname: "/" });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=()"),
    });
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n'");
  });

  it("sends no referrer from a shared run, so its link does not leak to sites it links to", () => {
    expect(pageSecurityHeaders({ nonce: "n", pathname: "/r/abc123" })["Referrer-Policy"]).toBe("no-referrer");
    expect(pageSecurityHeaders({ nonce: "n", pathname: "/runs" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("gives API responses nosniff and a referrer policy but no CSP", () => {
    expect(apiSecurityHeaders()).toEqual({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
