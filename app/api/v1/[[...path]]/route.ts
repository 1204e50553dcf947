import { unknownV1Path } from "@/lib/openai-compat/unknown-path";

export const dynamic = "force-dynamic";

/** Every /api/v1 path not served by a route of its own: a JSON 404 in OpenAI's shape. */
export const GET = unknownV1Path;
export const POST = unknownV1Path;
export const PUT = unknownV1Path;
export const PATCH = unknownV1Path;
export const DELETE = unknownV1Path;
