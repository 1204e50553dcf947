import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";

/** The few statements fan-out needs beyond the run store. PostgreSQL only. */
export async function notify(channel: string, payload: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Flags an open run as cancelled by request; false when it is not open (or unknown). */
export async function flagCancel(runId: string): Promise<boolean> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    update runs set cancel_requested_at = now(), updated_at = now()
    where id = ${runId} and status in ('pending', 'running') and cancel_requested_at is null
    returning id`);
  if (rows.length > 0) return true;
  const open = await db.execute(sql`select 1 from runs where id = ${runId} and status in ('pending', 'running')`);
  return open.rows.length > 0;
}

/** Which of these runs someone asked to cancel. */
export async function cancelFlagged(runIds: string[]): Promise<string[]> {
  if (runIds.length === 0) return [];
  const db = await getDb();
  const { rows } = await db.execute(sql`
    select id from runs where id in (${sql.join(runIds.map((id) => sql`${id}`), sql`, `)})
      and cancel_requested_at is not null`);
  return rows.map((row) => String(row.id));
}
