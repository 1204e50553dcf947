import { withErrors } from "@/lib/errors";
import { requireOwnerHash } from "@/lib/security/owner";
import { deleteConfig, renameConfig } from "@/lib/configs/service";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { renameConfigSchema } from "@/lib/wire/configs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Renames a saved board: `{ name }` → `{ slug, config }`; the slug does not change. */
export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const owner = requireOwnerHash(request);
  const { slug } = await params;
  const { name } = parseOrThrow(renameConfigSchema, await readJsonBody(request, 10_000));
  const renamed = await renameConfig(owner, slug, name);
  return Response.json({ slug: renamed.slug, config: renamed });
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const owner = requireOwnerHash(request);
  const { slug } = await params;
  await deleteConfig(owner, slug);
  return new Response(null, { status: 204 });
});
