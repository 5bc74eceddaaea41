import type { MissingPackage } from './missingPackage';

/** How a snippet's run ended. */
export type RunOutcome = 'ok' | 'failed' | 'timeout' | 'cancelled' | 'refused';

/** What running one snippet gave: what the panel shows under the block, and what the tests read. */
export interface SnippetRun {
  outcome: RunOutcome;
  /** One sentence for the learner (and the live region). */
  summary: string;
  /** stdout and stderr as shown, in order, within the cap. */
  output: string;
  /** True when the output passed the cap and the rest was not shown. */
  cut: boolean;
  /** The sentence that says so, shown where the output stops. */
  cutNote?: string;
  exitCode?: number | null;
  missing: MissingPackage[];
  /** Figures the code saved, as files kept (outside the removed run folder) while they are shown. */
  figures: Array<{ name: string; path: string }>;
  /** The folder holding the figures, removed when they are no longer shown. */
  figuresFolder?: string;
  /** The interpreter that ran it, in words. */
  interpreter?: string;
}

export interface RunFacts {
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  spawnError?: string;
  timeoutSeconds: number;
  python: string;
  missing: MissingPackage[];
  figures: number;
}

/** The outcome and its sentence, from how the process ended. */
export function describeRun(f: RunFacts): { outcome: RunOutcome; summary: string } {
  const figures = f.figures ? ` ${f.figures === 1 ? 'One figure' : `${f.figures} figures`} saved.` : '';
  if (f.spawnError) return { outcome: 'failed', summary: `Could not start Python (${f.python}): ${f.spawnError}. Select an interpreter in the Python extension or set aiRoadmap.pythonPath.` };
  if (f.cancelled) return { outcome: 'cancelled', summary: 'Stopped.' };
  if (f.timedOut) return { outcome: 'timeout', summary: `Stopped after ${f.timeoutSeconds} s, the time limit (aiRoadmap.notes.runTimeoutSeconds).${figures}` };
  if (f.missing.length) return { outcome: 'failed', summary: f.missing.map((m) => m.hint).join(' ') };
  if (f.exitCode === 0) return { outcome: 'ok', summary: `Finished.${figures}` };
  return { outcome: 'failed', summary: `Python exited with code ${f.exitCode ?? 'unknown'}; the error is in the output above.${figures}` };
}

/** Where a run's output goes as it comes (the notes panel), already plain text and within the cap. */
export interface SnippetSink {
  started?(interpreter: string): void;
  output(stream: 'stdout' | 'stderr', text: string): void;
}
