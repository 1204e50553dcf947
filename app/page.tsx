import { BoardPanel } from "@/components/board/board-panel";
import { Playground } from "@/components/run/playground";

export default function HomePage() {
  return <Playground board={<BoardPanel />} />;
}
