"use client";

import { useCallback, useState } from "react";
import * as api from "@/lib/client/saved-configs";
import type { ConfigEntry } from "@/lib/wire/configs";
import { ensureOwner, readOwner } from "@/lib/client/owner";
import type { MoAConfig } from "@/lib/moa/config";

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; configs: ConfigEntry[] };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong.");

/** The menu's list plus the calls that change it; each action reports its outcome as a message. */
export function useSavedConfigs() {
  const [list, setList] = useState<ListState>({ status: "loading" });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const reload = useCallback(async () => {
    setList({ status: "loading" });
    try {
      setList({ status: "ready", configs: await api.fetchConfigs(readOwner()) });
    } catch (error) {
      setList({ status: "error", message: messageOf(error) });
    }
  }, []);

  const update = (change: (configs: ConfigEntry[]) => ConfigEntry[]) =>
    setList((s) => (s.status === "ready" ? { status: "ready", configs: change(s.configs) } : s));

  const run = async (action: () => Promise<string>): Promise<boolean> => {
    try {
      setMessage({ text: await action(), error: false });
      return true;
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
      return false;
    }
  };

  const save = (name: string, config: MoAConfig, preset?: string) =>
    run(async () => {
      const saved = await api.saveConfig(ensureOwner(), { name, config, preset });
      // Newest first among the saved ones, as the server lists them.
      update((configs) => [...configs.filter((c) => c.builtIn), saved, ...configs.filter((c) => !c.builtIn)]);
      return `Saved “${saved.name}” as moa/${saved.slug}.`;
    });

  const rename = (entry: ConfigEntry, name: string) =>
    run(async () => {
      const renamed = await api.renameConfig(ensureOwner(), entry.slug, name);
      update((configs) => configs.map((c) => (c.slug === entry.slug && !c.builtIn ? renamed : c)));
      return `Renamed to “${renamed.name}”; the slug moa/${renamed.slug} is unchanged.`;
    });

  const remove = (entry: ConfigEntry) =>
    run(async () => {
      await api.deleteConfig(ensureOwner(), entry.slug);
      update((configs) => configs.filter((c) => c.builtIn || c.slug !== entry.slug));
      return `Deleted “${entry.name}”.`;
    });

  return { list, message, setMessage, reload, save, rename, remove };
}
