import "server-only";
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { AppError } from "@/lib/errors";

export interface LocalModelFile {
  /** `local:<file name without .gguf>` */
  id: `local:${string}`;
  name: string;
  path: string;
  sizeBytes: number;
}

export function defaultModelsDir(env: Record<string, string | undefined> = process.env): string {
  return env.MODELS_DIR?.trim() || "./models";
}

/** Every `.gguf` file directly in the folder; a missing folder simply means no local models. */
export async function listLocalModels(modelsDir: string = defaultModelsDir()): Promise<LocalModelFile[]> {
  let entries: string[];
  try {
    entries = await readdir(modelsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const models: LocalModelFile[] = [];
  for (const entry of entries) {
    if (extname(entry).toLowerCase() !== ".gguf") continue;
    const path = resolve(modelsDir, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    const name = entry.slice(0, -".gguf".length);
    models.push({ id: `local:${name}`, name, path, sizeBytes: info.size });
  }
  return models.sort((a, b) => a.name.localeCompare(b.name));
}

export class LocalModelNotFoundError extends AppError {
  constructor(
    readonly modelName: string,
    readonly modelsDir: string,
  ) {
    super("not_found:model", `local model "${modelName}" not found in ${modelsDir} (expected ${join(modelsDir, `${modelName}.gguf`)})`);
    this.name = "LocalModelNotFoundError";
  }
}

/**
 * The file behind a model name. Names are file names, never paths: a name that tries to
 * leave the folder is treated as unknown.
 */
export function localModelPath(modelsDir: string, name: string): string {
  const file = `${name}.gguf`;
  if (!name || basename(file) !== file || name.startsWith(".")) throw new LocalModelNotFoundError(name, modelsDir);
  return resolve(modelsDir, file);
}
