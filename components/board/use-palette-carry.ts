"use client";

import { createContext, useCallback, useContext, useEffect, useState, type KeyboardEvent } from "react";
import { useBoardStore } from "@/lib/client/board-store";
import { carryLabel, carryRows, describeCarry, moveCarry, type CarryTarget } from "./palette-carry";

type Carry = { model: string; name: string; target: CarryTarget };

/** The board element a target stands for, found by the accessible name it already has. */
function targetElement(target: CarryTarget): HTMLElement | null {
  const prefix = carryLabel(target);
  const match = target.kind === "slot" ? `[aria-label^="${prefix}"]` : `[aria-label="${prefix}"]`;
  return document.querySelector<HTMLElement>(`section[aria-label="Layer board"] ${match}`);
}

/**
 * Keyboard drag from the palette, without dnd-kit's keyboard sensor: that sensor moves the
 * dragged element's rectangle, and a palette item in a sticky, scrolling list never reaches
 * the board, so arrows only scrolled the page. Here Space picks a model up, arrows walk the
 * board's slots and layer ends, Space or Enter drops, Escape cancels.
 */
export function usePaletteCarry(announce: (message: string) => void) {
  const [carry, setCarry] = useState<Carry | null>(null);

  useEffect(() => {
    if (!carry) return;
    const el = targetElement(carry.target);
    el?.setAttribute("data-carry-target", "");
    el?.scrollIntoView({ block: "nearest" });
    return () => el?.removeAttribute("data-carry-target");
  }, [carry]);

  const onKeyDown = useCallback(
    (model: string, name: string, event: KeyboardEvent) => {
      const board = useBoardStore.getState();
      if (!carry || carry.model !== model) {
        if (event.key !== " ") return;
        const first = carryRows(board)[0]?.[0];
        if (!first) return;
        event.preventDefault();
        event.stopPropagation();
        setCarry({ model, name, target: first });
        announce(`Picked up ${name} from the palette. Over ${describeCarry(first)}. Arrow keys move, Space drops, Escape cancels.`);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (event.key === "Escape") {
        setCarry(null);
        announce(`Dragging cancelled. ${name} stays in the palette.`);
      } else if (event.key === " " || event.key === "Enter") {
        const { target } = carry;
        if (target.kind === "slot") board.setSlotModel(target.layer, target.slot, model);
        else board.addSlot(target.layer, model);
        setCarry(null);
        announce(`Dropped ${name} in ${describeCarry(target)}.`);
      } else if (event.key.startsWith("Arrow")) {
        const target = moveCarry(board, carry.target, event.key);
        setCarry({ ...carry, target });
        announce(`${name} is over ${describeCarry(target)}.`);
      }
    },
    [carry, announce],
  );

  return { carrying: carry?.model ?? null, onKeyDown, cancel: () => setCarry(null) };
}

export interface PaletteCarryApi {
  carrying: string | null;
  onKeyDown(model: string, name: string, event: KeyboardEvent): void;
  cancel(): void;
}

export const PaletteCarryContext = createContext<PaletteCarryApi | null>(null);
export const usePaletteCarryContext = () => useContext(PaletteCarryContext);
