import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** `GET /api/v1/models` → handler; `:name` segments become params, as Next's [name] folders do. */
export type Routes = Record<string, Handler>;

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Node's fetch needs this for a streamed request body.
    ...(hasBody && { duplex: "half" }),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
    if (done) break;
    res.write(value);
  }
  res.end();
}

/** The route handlers behind a real HTTP server on 127.0.0.1, the way Next would call them. */
export async function serveRoutes(routes: Routes): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const path = new URL(req.url ?? "/", origin).pathname;
    for (const [key, handler] of Object.entries(routes)) {
      const [method, pattern] = key.split(" ");
      const params = method === req.method ? match(pattern, path) : null;
      if (!params) continue;
      void Promise.resolve(handler(toRequest(req, origin, controller.signal), { params: Promise.resolve(params) }))
        .then((response) => send(res, response))
        .catch((error) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      return;
    }
    res.statusCode = 404;
    res.end("no route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
