import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedRun } from "@/components/replay/shared-run";
import { stepThroughFromParams } from "@/components/replay/step-param";
import { getShareMeta } from "@/lib/runs/history";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page ask for the same run in one request.
const shareMeta = cache((id: string) => getShareMeta(id));

/** A pasted link previews as the prompt, with the shape, models and status under it. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const meta = await shareMeta(id);
  if (!meta) return { title: "Run not found · MoA Playground", robots: { index: false } };
  const { title, description } = meta;
  return {
    title: `${title} · MoA Playground`,
    description,
    openGraph: { title, description, type: "article", siteName: "MoA Playground" },
    twitter: { card: "summary", title, description },
    robots: { index: false },
  };
}

export default async function SharedRunPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!(await shareMeta(id))) notFound();
  // `?present=1` or `?step=1`: a teacher walks the class through the run one layer at a time.
  return <SharedRun id={id} stepThrough={stepThroughFromParams(await searchParams)} />;
}
