import * as vscode from 'vscode';
import { missingPackages } from '../../core/snippets/missingPackage';
import { OutputCap, plainOutput } from '../../core/snippets/outputCap';
import { describeRun, type SnippetRun, type SnippetSink } from '../../core/snippets/snippetRun';
import { Disposable } from '../base/lifecycle';
import { canRunPrograms } from '../base/platform';
import type { Settings } from '../base/settings';
import { whyPythonCannotRun } from './pythonGuard';
import { pythonFor } from './pythonInterpreter';
import { makeRunFiguresFolder, newFiguresRoot, removeFolder, runSnippetProcess } from './snippetProcess';

export const WEB_CANNOT_RUN =
  'Running code needs a desktop or remote window: VS Code for the Web cannot start programs. Open this folder in VS Code on your computer, in a dev container, or over Remote-SSH to run it. Copy to Workspace and Open as Notebook work here.';

/** The stderr kept past the cap, to find a missing package in a long traceback. */
const STDERR_TAIL = 16_000;

/**
 * Runs the Python blocks of notes: with the interpreter Check Exercise uses, only in a trusted
 * workspace on this machine, within aiRoadmap.notes.runTimeoutSeconds, in a fresh temporary folder.
 * Figures a run saved are kept in this session's figures folder until `release`.
 */
export class SnippetRunner extends Disposable {
  /** How many Python processes were started: the tests check that a refused run started none. */
  processesStarted = 0;
  private readonly root = newFiguresRoot();
  /** The one folder the notes panels may show figures from (undefined where nothing runs). */
  readonly figuresRoot = this.root ? vscode.Uri.file(this.root) : undefined;
  private runs = 0;
  /** Runs under way: stopped when the extension goes, so none outlives it. */
  private readonly running = new Set<vscode.CancellationTokenSource>();

  constructor(
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({
      dispose: () => {
        for (const cts of this.running) cts.cancel();
        if (this.root) removeFolder(this.root);
      },
    });
  }

  async run(code: string, sink: SnippetSink | undefined, token: vscode.CancellationToken): Promise<SnippetRun> {
    const refused = (summary: string): SnippetRun => ({ outcome: 'refused', summary, output: '', cut: false, missing: [], figures: [] });
    if (!canRunPrograms) return refused(WEB_CANNOT_RUN);
    // A snippet runs in a temporary folder of its own, so a workspace that is not on this disk is no obstacle.
    const cannot = whyPythonCannotRun('Running a snippet', undefined);
    if (cannot) return refused(cannot);
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
    const python = await pythonFor(folder ?? vscode.Uri.file('/'), this.settings, this.log);
    const interpreter = `${python.command} (${python.source})`;
    sink?.started?.(interpreter);
    const timeoutSeconds = Math.min(Math.max(Math.round(this.settings.get('notes.runTimeoutSeconds')), 1), 3600);
    const cap = new OutputCap();
    let output = '';
    let stderrTail = '';
    this.processesStarted++;
    const figuresFolder = makeRunFiguresFolder(this.root!, `run-${++this.runs}`);
    const own = new vscode.CancellationTokenSource();
    const linked = token.onCancellationRequested(() => own.cancel());
    if (token.isCancellationRequested) own.cancel();
    this.running.add(own);
    const proc = await runSnippetProcess({
      python: python.command,
      code,
      timeoutMs: timeoutSeconds * 1000,
      token: own.token,
      figuresFolder,
      onOutput: (stream, raw) => {
        if (stream === 'stderr') stderrTail = (stderrTail + raw).slice(-STDERR_TAIL);
        const text = cap.take(plainOutput(raw));
        if (!text) return;
        output += text;
        sink?.output(stream, text);
      },
    });
    this.running.delete(own);
    linked.dispose();
    own.dispose();
    const missing = proc.timedOut || proc.cancelled ? [] : missingPackages(stderrTail, python.command);
    const { outcome, summary } = describeRun({ ...proc, timeoutSeconds, python: interpreter, missing, figures: proc.figures.length });
    const note = cap.note();
    if (note) output += `\n${note}`;
    this.log.info(`Ran a snippet with ${interpreter}: ${summary}`);
    return { outcome, summary, output, cut: cap.cut, cutNote: note, exitCode: proc.exitCode, missing, figures: proc.figures, figuresFolder: proc.figures.length ? figuresFolder : undefined, interpreter };
  }

  /** Removes a run's figures once they are no longer shown. */
  release(run: Pick<SnippetRun, 'figuresFolder'>): void {
    if (run.figuresFolder && this.root && run.figuresFolder.startsWith(this.root)) removeFolder(run.figuresFolder);
  }
}
