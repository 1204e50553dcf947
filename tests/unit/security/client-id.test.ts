import { describe, expect, it } from "vitest";
import { clientIdFrom } from "@/lib/security/client-id";

const request = (headers: Record<string, string>) => new Request("http://localhost/api/runs", { headers });
const trusted = { MOA_TRUST_PROXY: "1" };

describe("clientIdFrom", () => {
  it("ignores forwarding headers unless a proxy is trusted, since clients can forge them", () => {
    expect(clientIdFrom(request({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" }), {})).toBe("local");
  });

  it("behind a trusted proxy, uses the address that proxy saw (the last X-Forwarded-For entry)", () => {
    expect(clientIdFrom(request({ "x-forwarded-for": "203.0.113.9" }), trusted)).toBe("203.0.113.9");
    // nginx appends: whatever the client put first is not to be believed.
    expect(clientIdFrom(request({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), trusted)).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then to 'local'", () => {
    expect(clientIdFrom(request({ "x-real-ip": "198.51.100.7" }), trusted)).toBe("198.51.100.7");
    expect(clientIdFrom(request({ "x-forwarded-for": "garbage" }), trusted)).toBe("local");
    expect(clientIdFrom(request({}), trusted)).toBe("local");
  });

  it("groups an IPv6 client by its /64 and unwraps IPv4-mapped addresses", () => {
    expect(clientIdFrom(request({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" }), trusted)).toBe("2001:db8:1:2::/64");
    expect(clientIdFrom(request({ "x-forwarded-for": "2001:db8:1:2:bbbb::9" }), trusted)).toBe("2001:db8:1:2::/64");
    expect(clientIdFrom(request({ "x-forwarded-for": "::ffff:203.0.113.9" }), trusted)).toBe("203.0.113.9");
  });
});
