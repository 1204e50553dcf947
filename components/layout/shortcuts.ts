/** The keyboard shortcuts, listed once for the help popover and the handler. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["Ctrl/⌘", "Enter"], action: "Run the prompt" },
  { keys: ["Esc"], action: "Stop the running run" },
  { keys: ["/"], action: "Focus the prompt box" },
  { keys: ["Shift", "D"], action: "Toggle dark mode" },
  { keys: ["?"], action: "Show these shortcuts" },
];

/** True when a key press belongs to a text field and must not trigger a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
