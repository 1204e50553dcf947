import { sql } from "drizzle-orm";
import { afterEach, describe, expect, test, vi } from "vitest";
import { admin, backends } from "./backends";

/**
 * A PostgreSQL server may end an idle connection at any time: a restart, a failover, an admin's
 * pg_terminate_backend, `drop database … with (force)`. node-postgres reports that on the pool,
 * and an unheard pool error ends the Node process: a whole server, for one dropped socket.
 * (CI once failed on exactly this, when a test dropped its database under an idle pool.)
 */
const postgres = backends.find((backend) => backend.name === "postgres")!;

describe.skipIf(!postgres.available)("a pooled connection the server ends [postgres]", () => {
  afterEach(() => vi.restoreAllMocks());

  test("is logged and replaced, and the next query runs", async () => {
    const { handle, dispose } = await postgres.open();
    try {
      const before = await handle.db.execute(sql`select pg_backend_pid() as pid`);
      const pid = Number(before.rows[0]!.pid);
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});

      const ended = await admin((client) => client.query("select pg_terminate_backend($1) as ended", [pid]));
      expect(ended.rows[0]!.ended).toBe(true);

      await expect.poll(() => logged.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(/idle connection was closed by the server/);
      const after = await handle.db.execute(sql`select pg_backend_pid() as pid`);
      expect(Number(after.rows[0]!.pid)).not.toBe(pid);
    } finally {
      await dispose();
    }
  });
});
