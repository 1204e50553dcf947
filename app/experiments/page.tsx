import type { Metadata } from "next";
import { ExperimentsView } from "@/components/experiments/experiments-view";

export const metadata: Metadata = { title: "Experiments · MoA Playground" };

export default function ExperimentsPage() {
  return <ExperimentsView />;
}
