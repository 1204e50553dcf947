import { lookup as systemLookup } from "node:dns";
import { createServer, type IncomingMessage, type Server } from "node:http";
import net, { type AddressInfo, type TcpNetConnectOpts } from "node:net";
import tls from "node:tls";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HostLookup } from "@/lib/security/endpoint-guard";
import { guardedFetch, MAX_REDIRECTS } from "@/lib/security/guarded-fetch";
import { fetchPinned } from "@/lib/security/pinned-fetch";

interface Hit {
  method: string;
  url: string;
  host?: string;
  authorization?: string;
  apiKey?: string;
  body: string;
}

type Handler = (req: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body?: string };

const servers: Server[] = [];

/** A loopback server that records what reached it. */
async function serve(handler: Handler): Promise<{ origin: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      hits.push({ method: req.method!, url: req.url!, host: req.headers.host, authorization: req.headers.authorization, apiKey: req.headers["x-api-key"] as string | undefined, body });
      const reply = handler(req, body);
      res.writeHead(reply.status, reply.headers).end(reply.body ?? "");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const redirectTo = (location: string, status = 302) => () => ({ status, headers: { location } });
const ok = (body: string) => () => ({ status: 200, body });

describe("guardedFetch", () => {
  it("refuses a redirect from an allowed endpoint to a loopback address, without contacting it", async () => {
    const internal = await serve(ok("internal secrets"));
    const endpoint = await serve(redirectTo(`${internal.origin}/admin`));
    // The first hop is vouched for; the redirect target is not.
    const fetchGuarded = guardedFetch({ allowPrivate: false, trustedOrigins: [endpoint.origin] });

    await expect(fetchGuarded(`${endpoint.origin}/v1/chat/completions`, { method: "POST", body: "{}" })).rejects.toMatchObject({
      code: "bad_request:endpoint",
      message: expect.stringMatching(/127\.0\.0\.1: a loopback address/),
    });
    expect(endpoint.hits).toHaveLength(1);
    expect(internal.hits).toHaveLength(0);
  });

  it("refuses a private endpoint before sending anything", async () => {
    const internal = await serve(ok("internal secrets"));
    await expect(guardedFetch(false)(`${internal.origin}/`)).rejects.toThrow(/loopback/);
    expect(internal.hits).toHaveLength(0);
  });

  it("follows allowed redirects and returns the final response", async () => {
    const final = await serve(ok("hello"));
    const start = await serve(redirectTo(`${final.origin}/done`, 307));
    const response = await guardedFetch({ allowPrivate: false, trustedOrigins: [start.origin, final.origin] })(`${start.origin}/go`, {
      method: "POST",
      body: '{"q":1}',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("hello");
    // 307 keeps the method and the body.
    expect(final.hits).toEqual([expect.objectContaining({ method: "POST", url: "/done", body: '{"q":1}' })]);
  });

  it("drops API keys when a redirect leaves the origin, keeps them within it", async () => {
    const other = await serve(ok("other"));
    const start = await serve((req) => (req.url === "/first" ? redirectTo("/second", 308)() : redirectTo(`${other.origin}/x`, 308)()));
    const headers = { authorization: "Bearer sk-secret", "x-api-key": "sk-ant-secret" };
    await guardedFetch(true)(`${start.origin}/first`, { method: "POST", headers, body: "{}" });

    expect(start.hits.map((h) => [h.url, h.authorization, h.apiKey])).toEqual([
      ["/first", "Bearer sk-secret", "sk-ant-secret"],
      ["/second", "Bearer sk-secret", "sk-ant-secret"],
    ]);
    expect(other.hits).toEqual([expect.objectContaining({ url: "/x", authorization: undefined, apiKey: undefined })]);
  });

  it("turns a POST into a body-less GET on 303", async () => {
    const final = await serve(ok("done"));
    const start = await serve(redirectTo(`${final.origin}/result`, 303));
    await guardedFetch(true)(`${start.origin}/`, { method: "POST", body: "payload", headers: { "content-type": "text/plain" } });
    expect(final.hits).toEqual([expect.objectContaining({ method: "GET", body: "" })]);
  });

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    const loop = await serve((req) => redirectTo(`/hop${Number(req.url!.slice(4) || 0) + 1}`)());
    await expect(guardedFetch(true)(`${loop.origin}/hop0`)).rejects.toThrow(/more than 5 times/);
    expect(loop.hits).toHaveLength(MAX_REDIRECTS + 1);
  });

  it("hands a redirect back untouched when the caller asked for manual redirects", async () => {
    const start = await serve(redirectTo("/elsewhere"));
    const response = await guardedFetch(true)(`${start.origin}/`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/elsewhere");
  });
});

describe("guardedFetch against DNS rebinding", () => {
  it("connects to the address it checked, not to what a second lookup would say", async () => {
    const internal = await serve(ok("internal secrets"));
    const port = new URL(internal.origin).port;
    // A rebinding resolver: public for the check, loopback for anyone who asks again.
    let lookups = 0;
    const rebinding: HostLookup = async () => (lookups++ === 0 ? [{ address: "8.8.8.8", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);
    // Where each socket would go, read from the lookup it was given; no packet leaves the test.
    const targets: string[] = [];
    vi.spyOn(net, "connect").mockImplementation(((options: TcpNetConnectOpts) => {
      const socket = new net.Socket();
      (options.lookup ?? systemLookup)(options.host ?? "", {}, (_error, address) => {
        targets.push(String(address));
        socket.destroy(Object.assign(new Error("connect ENETUNREACH (test)"), { code: "ENETUNREACH" }));
      });
      return socket;
    }) as typeof net.connect);

    await expect(guardedFetch({ allowPrivate: false, lookup: rebinding })(`http://rebind.example:${port}/v1/chat/completions`)).rejects.toThrow();
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(["8.8.8.8"]));
    expect(lookups).toBe(1);
    expect(internal.hits).toHaveLength(0);
  });

  it("a pinned request keeps its host name for the Host header and streams the whole body", async () => {
    const body = "chunk ".repeat(50_000);
    const server = await serve((req, sent) => ({ status: 200, body: `${req.method} ${sent} ${body}` }));
    const port = new URL(server.origin).port;
    // Not resolvable by any DNS: only the pinned address can carry this request.
    const response = await fetchPinned(`http://pinned.invalid:${port}/v1/x`, { method: "POST", body: "{}" }, [{ address: "127.0.0.1", family: 4 }]);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`POST {} ${body}`);
    expect(server.hits).toEqual([expect.objectContaining({ url: "/v1/x", host: `pinned.invalid:${port}` })]);
  });

  it("a pinned https request still names the real host in TLS (SNI), so its certificate is checked for it", async () => {
    const names: string[] = [];
    // No certificate: the handshake fails after the client has said which host it wants.
    const server = tls.createServer({ SNICallback: (name, done) => (names.push(name), done(new Error("no certificate in this test"))) });
    server.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(fetchPinned(`https://api.pinned.invalid:${port}/v1`, {}, [{ address: "127.0.0.1", family: 4 }])).rejects.toThrow();
      expect(names).toEqual(["api.pinned.invalid"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
