import type { Metadata } from "next";
import { BoardPanel } from "@/components/board/board-panel";
import { Playground } from "@/components/run/playground";

export const metadata: Metadata = { title: "Conversation · MoA Playground", robots: { index: false } };

/** A conversation of this browser: the playground, which opens the run the URL names. */
export default function ConversationPage() {
  return <Playground board={<BoardPanel />} />;
}
