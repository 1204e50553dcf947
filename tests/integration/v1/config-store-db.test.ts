import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { createDbConfigStore } from "@/lib/configs/db-config-store";
import type { ConfigStore } from "@/lib/configs/saved-config";

// The real migrations on an in-memory PGlite: the saved_configs table as the app will use it.
let handle: DbHandle;
let store: ConfigStore;
const config = { layers: [{ agents: [{ model: "sim:falcon" }] }] };

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory://" });
  store = createDbConfigStore(handle.db);
});

afterAll(() => handle.close());

describe("the database config store", () => {
  it("stores, lists per owner, renames and deletes saved boards", async () => {
    const a = await store.create({ ownerSecretHash: "alice", name: "Team Board", config, settings: { preset: "single" } });
    const b = await store.create({ ownerSecretHash: "bob", name: "team board", config, settings: {} });
    expect([a.slug, b.slug]).toEqual(["team-board", "team-board-2"]);
    expect((await store.list("alice")).map((c) => c.slug)).toEqual(["team-board"]);
    expect(await store.getBySlug("team-board-2")).toMatchObject({ name: "team board", config });
    expect((await store.listAll(10)).map((c) => c.slug).sort()).toEqual(["team-board", "team-board-2"]);

    expect(await store.rename("bob", "team-board", "Stolen")).toBeNull();
    expect(await store.rename("alice", "team-board", "Renamed")).toMatchObject({ slug: "team-board", name: "Renamed" });
    expect(await store.remove("bob", "team-board")).toBe(false);
    expect(await store.remove("alice", "team-board")).toBe(true);
    expect(await store.getBySlug("team-board")).toBeNull();
  });

  it("gives concurrent saves of one name distinct slugs", async () => {
    const saved = await Promise.all(
      Array.from({ length: 4 }, () => store.create({ ownerSecretHash: "carol", name: "Same name", config, settings: {} })),
    );
    expect(new Set(saved.map((s) => s.slug)).size).toBe(4);
    expect(saved.map((s) => s.slug)).toContain("same-name");
  });
});
