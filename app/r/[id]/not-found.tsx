import { NotFoundView } from "@/components/layout/not-found-view";

export default function RunNotFound() {
  return (
    <NotFoundView title="This run does not exist">
      <p>
        The share link may be incomplete, or the run was deleted by the browser that made it. Runs you made yourself are listed under
        History.
      </p>
    </NotFoundView>
  );
}
