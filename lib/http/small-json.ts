/** Below this, gzip saves nothing (its header alone is 18 bytes) and costs the event loop. */
const SMALL_BYTES = 1024;

/**
 * A small JSON answer goes out uncompressed. Next compresses every answer whose length it does
 * not know, and it drops a Content-Length set by a route, so a 60-byte `{ id, owner }` went
 * through gzip and came out longer: about a millisecond of the event loop per answer, paid by
 * every run started under load. `no-transform` is what Next's compression skips; larger JSON is
 * still compressed, and streams (SSE, NDJSON) pass through untouched.
 */
export async function withSmallJsonUncompressed(response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.startsWith("application/json")) return response;
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  if (body.byteLength < SMALL_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
