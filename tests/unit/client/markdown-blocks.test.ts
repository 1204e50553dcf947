import { describe, expect, it } from "vitest";
import { splitMarkdownBlocks } from "@/components/ui/markdown";

describe("splitMarkdownBlocks (only the last block is re-parsed while streaming)", () => {
  it("splits paragraphs, headings and lists at blank lines", () => {
    expect(splitMarkdownBlocks("# Title\n\nFirst paragraph\nstill first.\n\n\n- a\n- b")).toEqual(["# Title", "First paragraph\nstill first.", "- a\n- b"]);
  });

  it("keeps a fenced code block whole, blank lines included", () => {
    const text = "Intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter";
    expect(splitMarkdownBlocks(text)).toEqual(["Intro", "```ts\nconst a = 1;\n\nconst b = 2;\n```", "After"]);
  });

  it("keeps an unclosed fence (still streaming) in the last block", () => {
    expect(splitMarkdownBlocks("Text\n\n```py\nx = 1\n\ny = 2")).toEqual(["Text", "```py\nx = 1\n\ny = 2"]);
  });

  it("returns no block for empty or blank text", () => {
    expect(splitMarkdownBlocks("")).toEqual([]);
    expect(splitMarkdownBlocks("\n\n  \n")).toEqual([]);
  });
});
