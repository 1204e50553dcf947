import { cn } from "./cn";

/** Cell classes of a figures table: the first column reads as text, the rest as right-aligned numbers. */
export const TH = "px-2 py-1.5 text-right font-medium first:text-left";
export const TD = "px-2 py-1.5 text-right tabular-nums first:text-left";

export interface FiguresTableProps {
  /** The table's accessible name. */
  label: string;
  headers: React.ReactNode[];
  /** Width and text size, e.g. "min-w-[40rem] text-sm": the table scrolls sideways below its minimum width. */
  className: string;
  /** The bodies (and footer) under the header row. */
  children: React.ReactNode;
}

/** A table of figures that scrolls sideways on narrow screens instead of squeezing its columns. */
export function FiguresTable({ label, headers, className, children }: FiguresTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full", className)} aria-label={label}>
        <thead className="border-b border-line text-muted">
          <tr>
            {headers.map((header, i) => (
              <th key={i} className={TH}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
