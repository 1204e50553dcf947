import { describe, expect, it } from "vitest";
import { runUrl } from "@/lib/openai-compat/access";
import { publicOrigin } from "@/lib/security/public-origin";

/** As Next hands a request to a route: its url names the local listener, the Host header what the caller used. */
function request(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/v1/chat/completions", { headers });
}

const forwarded = { host: "10.0.0.5:3000", "x-forwarded-host": "moa.example.org", "x-forwarded-proto": "https" };

describe("publicOrigin", () => {
  it("uses the host the caller reached, not the local listener", () => {
    expect(publicOrigin(request({ host: "classroom.local:3000" }), {})).toBe("http://classroom.local:3000");
    expect(runUrl(request({ host: "192.168.1.20:3000" }), "abc", {})).toBe("http://192.168.1.20:3000/r/abc");
    expect(publicOrigin(request({ host: "[::1]:3000" }), {})).toBe("http://[::1]:3000");
  });

  it("ignores X-Forwarded-Host and -Proto unless MOA_TRUST_PROXY=1", () => {
    expect(publicOrigin(request(forwarded), {})).toBe("http://10.0.0.5:3000");
    // Next has already turned the forwarded scheme into request.url's: that does not count either.
    const rewritten = new Request("https://localhost:3000/api/v1/chat/completions", { headers: forwarded });
    expect(publicOrigin(rewritten, {})).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(request(forwarded), { MOA_TRUST_PROXY: "1" })).toBe("https://moa.example.org");
    expect(publicOrigin(request({ ...forwarded, "x-forwarded-host": "moa.example.org, inner.proxy" }), { MOA_TRUST_PROXY: "1" })).toBe(
      "https://moa.example.org",
    );
  });

  it("lets MOA_PUBLIC_URL win over every header", () => {
    expect(publicOrigin(request(forwarded), { MOA_TRUST_PROXY: "1", MOA_PUBLIC_URL: "https://moa.school.edu/" })).toBe("https://moa.school.edu");
  });

  it("never builds a URL from a host header that carries more than a host", () => {
    for (const host of ["evil.example/path", "user@evil.example", "a b", "evil.example\\@x"]) {
      expect(publicOrigin(request({ host: "ok.example", "x-forwarded-host": host }), { MOA_TRUST_PROXY: "1" })).toBe("http://ok.example");
    }
    expect(publicOrigin(request({ "x-forwarded-proto": "javascript" }), { MOA_TRUST_PROXY: "1" })).toBe("http://localhost:3000");
  });
});
