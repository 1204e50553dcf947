import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { allowPrivateByDefault, assertPublicEndpoint, checkEndpoint, type HostLookup } from "@/lib/security/endpoint-guard";

// A fake DNS: names map to fixed answers, anything else does not resolve.
const DNS: Record<string, string[]> = {
  "api.example.com": ["93.184.216.34"],
  "v6.example.com": ["2606:4700::6810:84e5"],
  "internal.example.com": ["10.1.2.3"],
  "rebind.example.com": ["93.184.216.34", "127.0.0.1"],
  "metadata.example.com": ["169.254.169.254"],
  "ula.example.com": ["fd12:3456::1"],
};
const lookup: HostLookup = async (host) => {
  const answers = DNS[host];
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

async function verdict(url: string): Promise<"allowed" | string> {
  try {
    await assertPublicEndpoint(url, { allowPrivate: false, lookup });
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request:endpoint");
    return (error as AppError).message;
  }
}

describe("assertPublicEndpoint", () => {
  it.each([
    "https://api.example.com/v1",
    "http://api.example.com:8080/v1",
    "https://v6.example.com/v1",
    "https://93.184.216.34/v1",
    "http://[2606:4700::6810:84e5]/v1",
    "https://API.EXAMPLE.COM./v1",
  ])("allows the public endpoint %s", async (url) => {
    expect(await verdict(url)).toBe("allowed");
  });

  it.each([
    ["http://127.0.0.1:11434/v1", /127\.0\.0\.1: a loopback/],
    ["http://localhost:8000/v1", /this server itself/],
    ["http://LocalHost./v1", /this server itself/],
    ["http://ollama.localhost/v1", /this server itself/],
    ["http://2130706433/", /127\.0\.0\.1: a loopback/],
    ["http://0x7f.1/", /127\.0\.0\.1: a loopback/],
    ["http://0177.0.0.1/", /127\.0\.0\.1: a loopback/],
    ["http://127.1/", /loopback/],
    ["http://[::1]/", /::1: a loopback/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://[::ffff:a9fe:a9fe]/", /cloud metadata/],
    ["http://[64:ff9b::10.0.0.1]/", /private/],
    ["http://[::]/", /unspecified/],
    ["http://0.0.0.0:3000/", /unspecified/],
    ["http://10.0.0.5/", /private/],
    ["http://172.16.0.1/", /private/],
    ["http://172.31.255.255/", /private/],
    ["http://192.168.1.1/", /private/],
    ["http://100.64.0.1/", /CGNAT/],
    ["http://169.254.169.254/latest/meta-data/", /cloud metadata/],
    ["http://169.254.10.10/", /link-local/],
    ["http://[fe80::1]/", /link-local/],
    ["http://[fd00:ec2::254]/", /cloud metadata/],
    ["http://[fc00::1]/", /unique-local/],
    ["http://224.0.0.1/", /multicast/],
    ["http://[ff02::1]/", /multicast/],
    ["http://255.255.255.255/", /reserved/],
    ["http://internal.example.com/v1", /internal\.example\.com: resolves to a private address/],
    ["http://rebind.example.com/v1", /resolves to a loopback address/],
    ["http://metadata.example.com/", /cloud metadata/],
    ["http://ula.example.com/", /unique-local/],
    ["http://nowhere.example.com/", /Cannot resolve endpoint host "nowhere\.example\.com"/],
    ["file:///etc/passwd", /must use http or https, not file/],
    ["ftp://api.example.com/", /must use http or https/],
    ["gopher://127.0.0.1:6379/", /must use http or https/],
    ["not a url", /not a valid URL/],
    ["http://user:pass@api.example.com/", /user name or password/],
  ])("refuses %s", async (url, message) => {
    expect(await verdict(url)).toMatch(message);
  });

  it("lets private endpoints through when allowed, but still only http(s)", async () => {
    await expect(assertPublicEndpoint("http://127.0.0.1:11434/v1", { allowPrivate: true, lookup })).resolves.toBeUndefined();
    await expect(assertPublicEndpoint("file:///etc/passwd", { allowPrivate: true })).rejects.toThrow(/http or https/);
  });

  it("tells the operator how to allow private endpoints, briefly and without echoing internal DNS answers", async () => {
    const message = await verdict("http://internal.example.com/v1");
    expect(message).toMatch(/MOA_ALLOW_PRIVATE_ENDPOINTS=1/);
    expect(message).not.toContain("10.1.2.3");
    expect(message.length).toBeLessThan(140);
  });
});

describe("checkEndpoint", () => {
  it("returns the addresses it approved, for the connection to use", async () => {
    await expect(checkEndpoint("https://v6.example.com/v1", { allowPrivate: false, lookup })).resolves.toEqual([{ address: "2606:4700::6810:84e5", family: 6 }]);
  });

  it("has nothing to pin for an IP literal or a check that was skipped", async () => {
    await expect(checkEndpoint("https://93.184.216.34/v1", { allowPrivate: false, lookup })).resolves.toBeUndefined();
    await expect(checkEndpoint("http://internal.example.com/", { allowPrivate: true, lookup })).resolves.toBeUndefined();
  });
});

describe("allowPrivateByDefault", () => {
  it.each([
    [{}, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "development", MOA_ALLOW_PRIVATE_ENDPOINTS: "0" }, false],
    [{ NODE_ENV: "production", MOA_ALLOW_PRIVATE_ENDPOINTS: "1" }, true],
    [{ NODE_ENV: "test" }, false],
  ])("%o → %s", (env, expected) => {
    expect(allowPrivateByDefault(env)).toBe(expected);
  });
});
