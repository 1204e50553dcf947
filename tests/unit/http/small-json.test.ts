import { describe, expect, test } from "vitest";
import { withErrors } from "@/lib/errors";
import { withSmallJsonUncompressed } from "@/lib/http/small-json";

describe("withSmallJsonUncompressed", () => {
  test("a small JSON answer says no-transform (what Next's gzip skips), keeping its status, headers and body", async () => {
    const sent = await withSmallJsonUncompressed(Response.json({ id: "r1", owner: "o" }, { status: 201, headers: { Location: "/api/runs/r1" } }));
    expect(sent.status).toBe(201);
    expect(sent.headers.get("cache-control")).toBe("no-transform");
    expect(sent.headers.get("location")).toBe("/api/runs/r1");
    expect(await sent.json()).toEqual({ id: "r1", owner: "o" });
  });

  test("a Cache-Control the route set is kept, with no-transform added", async () => {
    const sent = await withSmallJsonUncompressed(Response.json({ runs: [] }, { headers: { "Cache-Control": "no-store" } }));
    expect(sent.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  test("a JSON answer of 1 KB or more is left to be compressed", async () => {
    const big = { text: "x".repeat(2_000) };
    const sent = await withSmallJsonUncompressed(Response.json(big, { headers: { "Cache-Control": "no-store" } }));
    expect(sent.headers.get("cache-control")).toBe("no-store");
    expect(await sent.json()).toEqual(big);
  });

  test("a stream and a bodiless answer pass through as the same objects", async () => {
    const stream = new Response(new ReadableStream(), { headers: { "Content-Type": "text/event-stream" } });
    expect(await withSmallJsonUncompressed(stream)).toBe(stream);
    const empty = new Response(null, { status: 204 });
    expect(await withSmallJsonUncompressed(empty)).toBe(empty);
  });

  test("route handlers get it through withErrors, error answers included", async () => {
    const failing = withErrors(async () => {
      throw new Error("boom");
    });
    const sent = await failing();
    expect(sent.status).toBe(500);
    expect(sent.headers.get("cache-control")).toBe("no-transform");
  });
});
