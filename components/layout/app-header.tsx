"use client";

import { HistoryToggle } from "@/components/history/history-panel";
import { PresenterToggle } from "@/components/teach/presenter";
import { LayersIcon } from "@/components/ui/icons";
import { HelpPopover } from "./help-popover";
import { ThemeToggle } from "./theme-toggle";

const SECTIONS = [
  { href: "/compare", label: "Compare" },
  { href: "/experiments", label: "Experiments" },
  { href: "/insights", label: "Insights" },
];

/** A header action as a link to the playground, styled as the ghost button it stands for. */
const LINK_ACTION =
  "inline-flex h-7 shrink-0 items-center rounded-md px-2.5 text-xs font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

export interface AppHeaderProps {
  helpOpen: boolean;
  onHelpOpenChange(open: boolean): void;
  /** The playground's own demos menu; elsewhere "Classroom demos" opens the playground with that menu open. */
  demos?: React.ReactNode;
  /** The page shows a run and has presenter mode; elsewhere the button opens the playground in presenter mode. */
  presenter?: boolean;
  /** Reloads the history list when it changes (the current run and whether it ended). */
  historyKey?: string;
  /** Actions of this page only (share, export, "New chat"). */
  actions?: React.ReactNode;
}

/**
 * One header on every page, with the same actions in the same places: where an action makes
 * no sense on a page it is a link to the playground with it, rather than missing.
 */
export function AppHeader({ helpOpen, onHelpOpenChange, demos, presenter = false, historyKey, actions }: AppHeaderProps) {
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
          {demos ?? (
            <a href="/?demos=1" className={LINK_ACTION}>
              Classroom demos
            </a>
          )}
          {presenter ? (
            <PresenterToggle />
          ) : (
            <a href="/?present=1" className={LINK_ACTION}>
              Presenter mode
            </a>
          )}
          {actions}
          <HistoryToggle refreshKey={historyKey} />
          <HelpPopover open={helpOpen} onOpenChange={onHelpOpenChange} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
