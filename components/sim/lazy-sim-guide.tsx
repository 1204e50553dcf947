"use client";

import dynamic from "next/dynamic";

// Code-split: the rules, the worlds and the tables load when someone opens the guide.
export const LazySimGuide = dynamic(() => import("./sim-guide").then((m) => m.SimGuide), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading…</p>,
});
