"use client";

import { LayersIcon } from "@/components/ui/icons";
import { HelpPopover } from "./help-popover";
import { ThemeToggle } from "./theme-toggle";

const SECTIONS = [
  { href: "/compare", label: "Compare" },
  { href: "/experiments", label: "Experiments" },
  { href: "/insights", label: "Insights" },
];

export interface AppHeaderProps {
  helpOpen: boolean;
  onHelpOpenChange(open: boolean): void;
  /** Extra actions from the page (e.g. "New chat"). */
  actions?: React.ReactNode;
}

export function AppHeader({ helpOpen, onHelpOpenChange, actions }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-40 max-sm:static border-b border-line bg-bg/80 backdrop-blur supports-[backdrop-filter]:bg-bg/70">
      {/* Wraps on a phone (nav on its own scrollable row) instead of widening the page. */}
      <div className="mx-auto flex min-h-14 max-w-[110rem] flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:flex-nowrap sm:py-0 sm:px-6">
        <a href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight whitespace-nowrap focus-visible:outline-2 focus-visible:outline-accent">
          <span className="grid h-7 w-7 place-items-center rounded-lg bg-accent text-white shadow-sm">
            <LayersIcon size={15} />
          </span>
          <span>MoA Playground</span>
        </a>
        <span className="hidden text-xs text-muted lg:inline" data-presenter-hide>Mixture-of-Agents, layer by layer</span>
        <nav aria-label="Sections" className="order-last -mx-2 flex w-full items-center gap-1 overflow-x-auto text-sm sm:order-none sm:mx-0 sm:w-auto" data-presenter-hide>
          {SECTIONS.map(({ href, label }) => (
            <a key={href} href={href} className="rounded-md px-2 py-1 text-muted hover:bg-subtle hover:text-fg focus-visible:outline-2 focus-visible:outline-accent">
              {label}
            </a>
          ))}
        </nav>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-1">
          {actions}
          <HelpPopover open={helpOpen} onOpenChange={onHelpOpenChange} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
