import type { Metadata } from "next";
import { NotFoundView } from "@/components/layout/not-found-view";

export const metadata: Metadata = { title: "Not found · MoA Playground", robots: { index: false } };

export default function NotFound() {
  return (
    <NotFoundView title="This page does not exist">
      <p>The address may be mistyped, or the page has moved. The playground, Compare, Experiments and Insights are linked above.</p>
    </NotFoundView>
  );
}
