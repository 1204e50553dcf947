import type { Metadata } from "next";
import { CompareView } from "@/components/compare/compare-view";

export const metadata: Metadata = { title: "Compare variants · MoA Playground" };

export default function ComparePage() {
  return <CompareView />;
}
