import { toResponse } from "@/lib/errors";
import { requireOwnerHash } from "@/lib/security/owner";
import { deleteConfig, renameConfig } from "@/lib/configs/service";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { renameConfigSchema } from "@/lib/wire/configs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Renames a saved board: `{ name }` → `{ slug, config }`; the slug does not change. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = requireOwnerHash(request);
    const { slug } = await params;
    const { name } = parseOrThrow(renameConfigSchema, await readJsonBody(request, 10_000));
    const renamed = await renameConfig(owner, slug, name);
    return Response.json({ slug: renamed.slug, config: renamed });
  } catch (error) {
    return toResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = requireOwnerHash(request);
    const { slug } = await params;
    await deleteConfig(owner, slug);
    return new Response(null, { status: 204 });
  } catch (error) {
    return toResponse(error);
  }
}
