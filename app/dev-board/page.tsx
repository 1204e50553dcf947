import { BoardPanel } from "@/components/board/board-panel";

export default function DevBoardPage() {
  return (
    <main className="mx-auto max-w-7xl p-4">
      <BoardPanel />
    </main>
  );
}
