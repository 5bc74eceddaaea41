/**
 * The notes panel's messages for runnable notes: Run, Stop and Copy to Workspace on each Python
 * block, and Open as Notebook. protocol.ts joins them to the panel's protocol. The page names a
 * block by its index only; the extension takes the code from its own copy of the note.
 */
import { MAX_RUN_OUTPUT_CHARS } from '../../core/snippets/outputCap';
import { isId, isStringUpTo, oneOf, type Check } from '../../core/util/messageSchema';

/** A block's index in the note (the page counts them the way pythonBlocks.ts does). */
export const isBlockIndex: Check<number> = (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 10_000;

export interface ShownFigure {
  /** The name the code saved it under, relative to its run folder. */
  name: string;
  /** The webview resource URI of the kept file. */
  src: string;
}

const isFigures: Check<ShownFigure[]> = (v): v is ShownFigure[] =>
  Array.isArray(v) && v.length <= 20 && v.every((f) => !!f && typeof f === 'object' && isStringUpTo(300)((f as ShownFigure).name) && isStringUpTo(4000)((f as ShownFigure).src));

const isOutcome = oneOf('ok', 'failed', 'timeout', 'cancelled', 'refused');

/** A block's run as a whole, to show again after the page was rebuilt (a refresh, a hidden panel shown again). */
export interface BlockRunState {
  block: number;
  running: boolean;
  interpreter: string;
  output: string;
  figures: ShownFigure[];
  outcome?: 'ok' | 'failed' | 'timeout' | 'cancelled' | 'refused';
  summary?: string;
}

const isRunState = (v: unknown): v is BlockRunState => {
  const s = v as BlockRunState | null;
  return (
    !!s &&
    typeof s === 'object' &&
    isBlockIndex(s.block) &&
    typeof s.running === 'boolean' &&
    isStringUpTo(2000)(s.interpreter) &&
    isStringUpTo(MAX_RUN_OUTPUT_CHARS + 1000)(s.output) &&
    isFigures(s.figures) &&
    (s.outcome === undefined || isOutcome(s.outcome)) &&
    (s.summary === undefined || isStringUpTo(4000)(s.summary))
  );
};
const isRunStates: Check<BlockRunState[]> = (v): v is BlockRunState[] => Array.isArray(v) && v.length <= 100 && v.every(isRunState);

export const fromNotesSnippets = {
  /** Run the topic's Python block number `block`. */
  runSnippet: { id: isId, block: isBlockIndex },
  stopSnippet: { id: isId, block: isBlockIndex },
  copySnippet: { id: isId, block: isBlockIndex },
  openNotebook: { id: isId },
};

export const toNotesSnippets = {
  /** A run began: the block's output is cleared and its Run button becomes Stop. */
  snippetStarted: { id: isId, block: isBlockIndex, interpreter: isStringUpTo(2000) },
  /** More output, plain text (shown with textContent, never as HTML); `note` is the extension's own words. */
  snippetOutput: { id: isId, block: isBlockIndex, stream: oneOf('stdout', 'stderr', 'note'), text: isStringUpTo(MAX_RUN_OUTPUT_CHARS + 1000) },
  /** The run ended: how, in a sentence, and the figures it saved. */
  snippetEnded: { id: isId, block: isBlockIndex, outcome: isOutcome, summary: isStringUpTo(4000), figures: isFigures },
  /** Every run of the topic as it stands, after the page was rebuilt. */
  snippetRuns: { id: isId, runs: isRunStates },
};
