import { tweakSummary } from "@/lib/client/sim-tweaks";
import { simProfile, type SimProfile, type SimSkill } from "@/lib/providers/sim/profiles";
import { SIM_WORLD_RULES } from "@/lib/providers/sim/rules";
import { parseSimId } from "@/lib/providers/sim/sim-id";

export const SKILLS: Array<{ key: keyof SimSkill; label: string }> = [
  { key: "recall", label: "Recall" },
  { key: "hallucination", label: "Hallucination" },
  { key: "keep", label: "Keep" },
  { key: "catch", label: "Catch" },
];

export interface ParamRow {
  key: string;
  name: string;
  profile: Pick<SimProfile, "role" | "style" | "ttftMs" | "tokensPerSecond">;
  skill: SimSkill;
  /** Skill keys a slot's settings changed from the profile. */
  changed: Set<keyof SimSkill>;
  used: boolean;
}

/** One row per simulated model, plus one per tweaked model id the run used ("Owl (keep 0)"). */
export function paramRows(usedIds: readonly string[]): ParamRow[] {
  const usedNames = new Set(usedIds.filter((id) => tweakSummary(id) === "").map((id) => parseSimId(id).name));
  const base: ParamRow[] = SIM_WORLD_RULES.models.map((m) => ({
    key: m.name,
    name: m.display,
    profile: m,
    skill: m.skill,
    changed: new Set(),
    used: usedNames.has(m.name),
  }));
  const tweaked = [...new Set(usedIds)]
    .filter((id) => tweakSummary(id) !== "")
    .map((id): ParamRow => {
      const { name, overrides } = parseSimId(id);
      const profile = simProfile(name);
      const changed = new Set(Object.keys(overrides.skill ?? {}) as Array<keyof SimSkill>);
      return { key: id, name: `${profile.display} (${tweakSummary(id)})`, profile, skill: { ...profile.skill, ...overrides.skill }, changed, used: true };
    });
  return [...base, ...tweaked];
}
