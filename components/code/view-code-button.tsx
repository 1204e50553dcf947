"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";

// Loaded on first open: the snippets are not needed for the page to work.
const ViewCodeDialog = dynamic(() => import("./view-code-dialog").then((m) => m.ViewCodeDialog), { ssr: false });

/** "View code" on the board: opens the dialog with the board as curl, TypeScript, Python and JSON. */
export function ViewCodeButton() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-haspopup="dialog"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        View code
      </Button>
      {wanted && <ViewCodeDialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
