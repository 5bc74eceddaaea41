import * as vscode from 'vscode';
import type { SnippetRun, SnippetSink } from '../../core/snippets/snippetRun';
import type { MessageHandlers } from '../../core/util/messageSchema';
import type { BlockRunState, FromNotesPanel, ShownFigure, ToNotesPanel } from '../../webview/notes/protocol';
import { Disposable } from '../base/lifecycle';
import type { NoteCode } from './noteCode';

/** What running a snippet takes, wired by the caller: the panel itself starts no process. */
export interface SnippetActions {
  /** The only folder figures are shown from (undefined where nothing runs: the web). */
  readonly figuresRoot: vscode.Uri | undefined;
  run(code: string, sink: SnippetSink, token: vscode.CancellationToken): Promise<SnippetRun>;
  /** Frees a run's figures once they are no longer shown. */
  release(run: SnippetRun): void;
}

/** The part of a notes panel runs need: its page and the id it shows. */
export interface SnippetPanel {
  readonly host: { post(message: ToNotesPanel): Promise<boolean>; readonly panel: vscode.WebviewPanel };
  readonly id: string;
}

interface BlockRun extends BlockRunState {
  topicId: string;
  cancel: vscode.CancellationTokenSource;
  result?: SnippetRun;
  /** Output not posted yet: it goes in batches, not one message per read. */
  pending: { stream: 'stdout' | 'stderr'; text: string }[];
  flushTimer?: ReturnType<typeof setTimeout>;
}

type SnippetMessages = 'runSnippet' | 'stopSnippet' | 'copySnippet' | 'openNotebook';

/** How long output waits to be posted with what follows it. */
const BATCH_MS = 40;

/**
 * Runnable notes in a notes panel: Run and Stop on each Python block, output streamed under it,
 * figures shown from the run's kept files, Copy to Workspace and Open as Notebook. A panel's runs
 * belong to the topic it shows: they stop when it shows another topic or closes, and come back
 * (as they stand) when its page is rebuilt.
 */
export class NotesSnippets extends Disposable {
  private readonly runs = new Map<SnippetPanel, Map<number, BlockRun>>();
  private readonly ended = this._register(new vscode.EventEmitter<{ topicId: string; block: number; run: SnippetRun }>());
  /** Fires after each run from a panel ended (tests and the bench wait on it). */
  readonly onDidRun = this.ended.event;

  constructor(
    private readonly code: NoteCode,
    private readonly actions: SnippetActions,
  ) {
    super();
    this._register({ dispose: () => [...this.runs.keys()].forEach((p) => this.closed(p)) });
  }

  /** Folders besides the extension's own that the panel's page may load from: the figures folder only. */
  get resourceRoots(): vscode.Uri[] {
    return this.actions.figuresRoot ? [this.actions.figuresRoot] : [];
  }

  handlers(panel: SnippetPanel): Pick<MessageHandlers<FromNotesPanel>, SnippetMessages> {
    return {
      runSnippet: (m) => (m.id === panel.id ? this.run(panel, m.id, m.block) : undefined),
      stopSnippet: (m) => this.runs.get(panel)?.get(m.block)?.cancel.cancel(),
      copySnippet: (m) => this.code.copyBlock(m.id, m.block),
      openNotebook: (m) => this.code.openNotebook(m.id),
    };
  }

  /** After the page showed `id`: runs of another topic stop and free their figures; this topic's are shown again. */
  async shown(panel: SnippetPanel, id: string): Promise<void> {
    const runs = this.runs.get(panel);
    if (!runs) return;
    for (const [block, r] of runs) {
      if (r.topicId === id) continue;
      this.forget(r);
      runs.delete(block);
    }
    if (runs.size) await panel.host.post({ type: 'snippetRuns', id, runs: [...runs.values()].map(stateOf) });
  }

  /** The panel closed: its runs stop and their figures go. */
  closed(panel: SnippetPanel): void {
    for (const r of this.runs.get(panel)?.values() ?? []) this.forget(r);
    this.runs.delete(panel);
  }

  private async run(panel: SnippetPanel, topicId: string, index: number): Promise<void> {
    const runs = this.runs.get(panel) ?? new Map<number, BlockRun>();
    this.runs.set(panel, runs);
    const previous = runs.get(index);
    if (previous?.running) return; // the button says Stop while it runs
    if (previous) this.forget(previous);
    const found = await this.code.block(topicId, index);
    const post = (m: ToNotesPanel) => void panel.host.post(m);
    if (!found) {
      post({ type: 'snippetEnded', id: topicId, block: index, outcome: 'refused', summary: `The notes have no Python block ${index + 1}.`, figures: [] });
      return;
    }
    const r: BlockRun = { block: index, topicId, running: true, interpreter: '', output: '', figures: [], cancel: new vscode.CancellationTokenSource(), pending: [] };
    runs.set(index, r);
    post({ type: 'snippetStarted', id: topicId, block: index, interpreter: '' });
    const flush = () => {
      clearTimeout(r.flushTimer);
      r.flushTimer = undefined;
      for (const p of r.pending.splice(0)) post({ type: 'snippetOutput', id: topicId, block: index, stream: p.stream, text: p.text });
    };
    const sink: SnippetSink = {
      started: (interpreter) => {
        r.interpreter = interpreter;
        post({ type: 'snippetStarted', id: topicId, block: index, interpreter });
      },
      output: (stream, text) => {
        r.output += text;
        const last = r.pending.at(-1);
        if (last?.stream === stream) last.text += text;
        else r.pending.push({ stream, text });
        r.flushTimer ??= setTimeout(flush, BATCH_MS);
      },
    };
    const result = await this.actions.run(found.block.code, sink, r.cancel.token);
    flush();
    r.result = result;
    r.running = false;
    r.outcome = result.outcome;
    r.summary = result.summary;
    if (result.cutNote) {
      r.output += `\n${result.cutNote}`;
      post({ type: 'snippetOutput', id: topicId, block: index, stream: 'note', text: `\n${result.cutNote}` });
    }
    const stillShown = runs.get(index) === r && this.runs.get(panel) === runs;
    if (stillShown) r.figures = result.figures.map((f): ShownFigure => ({ name: f.name, src: panel.host.panel.webview.asWebviewUri(vscode.Uri.file(f.path)).toString() }));
    else this.actions.release(result); // the panel moved on while it ran
    post({ type: 'snippetEnded', id: topicId, block: index, outcome: result.outcome, summary: result.summary, figures: r.figures });
    this.ended.fire({ topicId, block: index, run: result });
  }

  /** Stops a run if it is running and frees its figures. */
  private forget(r: BlockRun) {
    clearTimeout(r.flushTimer);
    r.cancel.cancel();
    r.cancel.dispose();
    if (r.result) this.actions.release(r.result);
  }
}

function stateOf(r: BlockRun): BlockRunState {
  const { block, running, interpreter, output, figures, outcome, summary } = r;
  return { block, running, interpreter, output, figures, ...(outcome ? { outcome } : {}), ...(summary ? { summary } : {}) };
}
