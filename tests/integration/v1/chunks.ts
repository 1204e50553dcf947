import { createParser } from "eventsource-parser";

export interface ChunkRead {
  /** Parsed `data:` payloads, in order, without the final `[DONE]`. */
  chunks: Record<string, any>[];
  done: boolean;
}

/** Reads an OpenAI chunk stream to its end. */
export async function readChunks(response: Response): Promise<ChunkRead> {
  const chunks: Record<string, any>[] = [];
  let done = false;
  const parser = createParser({
    onEvent(message) {
      if (message.data === "[DONE]") done = true;
      else chunks.push(JSON.parse(message.data));
    },
  });
  const decoder = new TextDecoder();
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(bytes, { stream: true }));
  return { chunks, done };
}

export function contentOf(chunks: Record<string, any>[]): string {
  return chunks.map((c) => c.choices?.[0]?.delta?.content ?? "").join("");
}
