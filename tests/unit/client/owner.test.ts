import { describe, expect, it } from "vitest";
import { ensureOwner, ownerHeaders, readOwner, writeOwner } from "@/lib/client/owner";
import { OWNER_HEADER, ownerSecretSchema } from "@/lib/wire/owner";

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, storage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } };
}

describe("browser owner identity", () => {
  it("keeps the owner secret, and makes one (stored where the playground reads it) when there is none", () => {
    const { map, storage } = memoryStorage();
    expect(readOwner(storage)).toBeNull();
    const made = ensureOwner(storage);
    // 32 random bytes in base64url: 43 characters, enough for the server's 32-character minimum.
    expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ownerSecretSchema.safeParse(made).success).toBe(true);
    expect(map.get("moa-owner")).toBe(made);
    expect(readOwner(storage)).toBe(made);
    expect(ensureOwner(storage)).toBe(made);
  });

  it("keeps a secret the server made and sends it in the header the server reads", () => {
    const { storage } = memoryStorage();
    writeOwner("s".repeat(43), storage);
    expect(ensureOwner(storage)).toBe("s".repeat(43));
    expect(ownerHeaders(readOwner(storage))).toEqual({ [OWNER_HEADER]: "s".repeat(43) });
    expect(OWNER_HEADER).toBe("x-moa-owner");
    expect(ownerHeaders(null)).toEqual({});
  });
});
