import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ThemeSync } from "@/components/layout/theme-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: "MoA Playground",
  description: "Try, share and teach Mixture-of-Agents: layered LLM ensembles, streamed agent by agent.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render per request: the CSP nonce (proxy.ts) must reach Next's inline scripts, and a
  // prerendered page would carry none.
  await connection();
  return (
    // The theme class is set on <html> after hydration; React must not warn about it.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-bg text-fg antialiased">
        <ThemeSync />
        {children}
      </body>
    </html>
  );
}
