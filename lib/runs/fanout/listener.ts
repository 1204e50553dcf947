import "server-only";
import { Client, type Notification } from "pg";
import { processGlobal } from "@/lib/process-global";
import { CANCEL_CHANNEL, EVENTS_CHANNEL } from "./notice";

type Handler = (payload: string | undefined) => void;

interface ListenerState {
  client?: Client;
  ready?: Promise<void>;
  handlers: Map<string, Set<Handler>>;
  /** Called after a reconnect: notifications sent while we were away are lost, so catch up. */
  onReconnect: Set<() => void>;
  closed: boolean;
}

const state = processGlobal<ListenerState>("fanout-listener", () => ({ handlers: new Map(), onReconnect: new Set(), closed: false }));

const RECONNECT_MS = 1_000;

/**
 * One dedicated connection per instance that LISTENs on the run channels (a pooled connection
 * cannot hold a LISTEN). It reconnects by itself; resolves once LISTEN is active.
 */
export function ensureListener(url: string = process.env.DATABASE_URL ?? ""): Promise<void> {
  state.closed = false;
  state.ready ??= connect(url, false).catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}

async function connect(url: string, isReconnect: boolean): Promise<void> {
  const client = new Client({ connectionString: url, application_name: "moa-listener" });
  client.on("notification", (message: Notification) => {
    for (const handler of state.handlers.get(message.channel) ?? []) handler(message.payload);
  });
  // An idle LISTEN connection that dies silently would stop fan-out: treat any error as a drop.
  client.on("error", (error) => console.error("run fan-out listener: connection error", error.message));
  client.on("end", () => {
    if (state.client !== client || state.closed) return;
    state.client = undefined;
    setTimeout(() => void reconnect(url), RECONNECT_MS).unref?.();
  });
  await client.connect();
  await client.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${CANCEL_CHANNEL}`);
  state.client = client;
  if (isReconnect) for (const catchUp of state.onReconnect) catchUp();
}

async function reconnect(url: string): Promise<void> {
  if (state.closed) return;
  try {
    await connect(url, true);
  } catch (error) {
    console.error("run fan-out listener: reconnect failed", error);
    setTimeout(() => void reconnect(url), RECONNECT_MS).unref?.();
  }
}

export function onChannel(channel: string, handler: Handler): () => void {
  let set = state.handlers.get(channel);
  if (!set) state.handlers.set(channel, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

export function onListenerReconnect(catchUp: () => void): () => void {
  state.onReconnect.add(catchUp);
  return () => state.onReconnect.delete(catchUp);
}

export async function closeListener(): Promise<void> {
  state.closed = true;
  const client = state.client;
  state.client = undefined;
  state.ready = undefined;
  await client?.end().catch(() => {});
}
