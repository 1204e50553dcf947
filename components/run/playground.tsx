"use client";

import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { useGlobalShortcuts } from "@/components/layout/use-global-shortcuts";
import { PlaygroundRunActions, usePlaygroundHistoryKey } from "@/components/share/run-actions";
import { useFork } from "@/components/share/use-fork";
import { DemoPanel } from "@/components/teach/demo-panel";
import { DemosMenu } from "@/components/teach/demos-menu";
import { InputsDialog } from "@/components/teach/inputs-dialog";
import { PresenterShell } from "@/components/teach/presenter";
import { LiveStepControls, StepThroughToggle } from "@/components/teach/step-controls";
import { useTeachStore } from "@/components/teach/teach-store";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { LazyMarkdownText } from "@/components/ui/lazy-markdown";
import { whenIdle } from "@/components/ui/when-idle";
import type { MoAConfig } from "@/lib/moa/config";
import { boardToConfig, useBoardHydrated, useBoardStore } from "@/lib/client/board-store";
import { useBoardValidation } from "@/lib/client/use-board-validation";
import { isActive, runStore, useRunStore } from "@/lib/client/run-store";
import { useSettingsHydrated, useSettingsStore } from "@/lib/client/settings-store";
import { Conversation } from "./conversation";
import { useMethodStore } from "@/lib/client/method-store";
import { MethodSelect } from "./method-select";
import { PROMPT_INPUT_ID, PromptBox } from "./prompt-box";
import { configForMethod, type MethodRun } from "./run-method";
import { LazyRunOutput, preloadRunOutput } from "./lazy-run-output";
import { RunView } from "./run-view";
import { useConversationUrl } from "./use-conversation-url";

/** The playground: board on the side, conversation, live run and prompt box in the main column. */
export function Playground({ board }: { board: ReactNode }) {
  const boardHydrated = useBoardHydrated();
  useSettingsHydrated();
  const layers = useBoardStore((s) => s.layers);
  const validation = useBoardValidation(layers);
  const boardConfig = useMemo(() => (validation.ok ? boardToConfig({ layers }) : null), [layers, validation.ok]);

  const phase = useRunStore((s) => s.phase);
  const error = useRunStore((s) => s.error);
  const messages = useRunStore((s) => s.messages);
  const [prompt, setPrompt] = useState("");
  useFork({ ready: boardHydrated, onPrompt: setPrompt });
  useConversationUrl(boardHydrated);
  const [helpOpen, setHelpOpen] = useState(false);
  const historyKey = usePlaygroundHistoryKey();
  const [boardOpen, setBoardOpen] = useState(true);
  const method = useMethodStore((s) => s.method);
  const setMethod = useMethodStore((s) => s.setMethod);
  const running = isActive(phase);
  const presenter = useTeachStore((s) => s.presenter);
  const runArea = useRef<HTMLElement>(null);
  // Answers appear only once a run starts: their code loads while the page is idle.
  useEffect(() => whenIdle(() => void preloadRunOutput()), []);
  // A run starts below the board: bring the graph and columns into view so it is watched, not missed.
  const showRun = () => requestAnimationFrame(() => runArea.current?.scrollIntoView({ behavior: "smooth", block: "start" }));

  const run = () => {
    const text = prompt.trim();
    if (!text || running || !validation.ok) return;
    const board = useBoardStore.getState().getConfig();
    const keys = useSettingsStore.getState().runKeys();
    const { stepThrough } = useTeachStore.getState();
    setPrompt("");
    showRun();
    void (async () => {
      let chosen: MethodRun;
      try {
        chosen = await configForMethod(method, board);
      } catch (e) {
        setPrompt((p) => p || text);
        runStore.setState({ error: e instanceof Error ? e.message : "This method cannot run on this board." });
        return;
      }
      await runStore.getState().start({ config: chosen.config, prompt: text, keys, stepThrough });
      // Rejected before it started: give the prompt back so nothing typed is lost.
      const { run: current, error: startError } = runStore.getState();
      if (startError && !current.runId) setPrompt((p) => p || text);
    })();
  };
  const stop = () => void runStore.getState().stop();
  // A classroom demo starts a fresh conversation with its own prompt.
  const runDemo = (config: MoAConfig, demoPrompt: string) => {
    if (isActive(runStore.getState().phase)) return;
    runStore.getState().newConversation();
    showRun();
    const keys = useSettingsStore.getState().runKeys();
    void runStore.getState().start({ config, prompt: demoPrompt, keys, stepThrough: useTeachStore.getState().stepThrough });
  };

  useGlobalShortcuts({
    onStop: () => {
      if (isActive(runStore.getState().phase)) stop();
    },
    onFocusPrompt: () => document.getElementById(PROMPT_INPUT_ID)?.focus(),
    onToggleHelp: () => setHelpOpen((o) => !o),
  });

  const blockedReason = !validation.ok ? validation.summary || "The board is not ready to run." : null;
  const followUp = messages.length > 0 && !running;

  return (
    <PresenterShell className="min-h-dvh">
      <AppHeader
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
        demos={<DemosMenu onRun={runDemo} disabled={running} />}
        presenter
        historyKey={historyKey}
        actions={
          <>
            <PlaygroundRunActions />
            {messages.length > 0 && (
              <Button size="sm" variant="ghost" disabled={running} onClick={() => runStore.getState().newConversation()}>
                New chat
              </Button>
            )}
          </>
        }
      />
      <div className="mx-auto flex max-w-[110rem] flex-col gap-6 px-4 py-5 sm:px-6">
        <section aria-label="Configure" className="min-w-0" hidden={presenter}>
          <div className="mb-2 flex items-center gap-2">
            <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Configure</h2>
            <Button size="sm" variant="ghost" className="ml-auto" aria-expanded={boardOpen} aria-controls="board-panel" onClick={() => setBoardOpen((o) => !o)}>
              {boardOpen ? "Hide board" : "Show board"}
            </Button>
          </div>
          <div id="board-panel" hidden={!boardOpen}>
            {board}
          </div>
        </section>
        <main ref={runArea} className="flex min-w-0 scroll-mt-16 flex-col gap-5">
          <h2 className="sr-only">Run</h2>
          <Conversation messages={messages} markdown={LazyMarkdownText} />
          <DemoPanel onRun={runDemo} running={running} />
          <RunView fallbackConfig={boardConfig} output={LazyRunOutput} />
        </main>
        {/* Outside <main>, so it sticks to the bottom of the viewport from the first load, board included. */}
        <div className="bottom-0 z-30 max-sm:static sm:sticky -mx-1 flex flex-col gap-2 bg-gradient-to-t from-bg via-bg to-bg/0 px-1 pt-4 pb-4">
          <LiveStepControls className="shadow-lg" />
          {error && (
            <p role="alert" className="flex items-start gap-2 rounded-lg border border-red-300/70 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
              <AlertIcon className="mt-0.5 shrink-0" />
              {error}
            </p>
          )}
          <PromptBox
            value={prompt}
            onChange={setPrompt}
            onRun={run}
            onStop={stop}
            running={running}
            blockedReason={blockedReason}
            followUp={followUp}
            placeholder={followUp ? "Ask a follow-up: the conversation so far goes with it." : undefined}
            // Disabled until the page is live: a choice made before hydration would be reset to the state's.
            extra={<MethodSelect value={method} onChange={setMethod} disabled={running || !boardHydrated} />}
          />
          <StepThroughToggle disabled={running} />
        </div>
      </div>
      <InputsDialog />
    </PresenterShell>
  );
}
