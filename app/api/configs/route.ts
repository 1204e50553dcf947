import { withErrors } from "@/lib/errors";
import { ownerHashFrom, requireOwnerHash } from "@/lib/security/owner";
import { listOwnerConfigs, saveConfig } from "@/lib/configs/service";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { createConfigSchema } from "@/lib/wire/configs";
import { MAX_RUN_REQUEST_BYTES } from "@/lib/wire/run-request";

export const dynamic = "force-dynamic";

/** The presets (mapped to reachable models) and the saved boards of the `x-moa-owner` owner. */
export const GET = withErrors(async (request: Request) => {
  const configs = await listOwnerConfigs(ownerHashFrom(request));
  return Response.json({ configs }, { headers: { "cache-control": "no-store" } });
});

/** Saves a board: `{ name, config, settings? }` → `201 { slug, config: ConfigEntry }`. */
export const POST = withErrors(async (request: Request) => {
  const owner = requireOwnerHash(request);
  const input = parseOrThrow(createConfigSchema, await readJsonBody(request, MAX_RUN_REQUEST_BYTES));
  const saved = await saveConfig(owner, input);
  return Response.json({ slug: saved.slug, config: saved }, { status: 201, headers: { Location: `/api/configs/${saved.slug}` } });
});
