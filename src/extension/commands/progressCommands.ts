import * as vscode from 'vscode';
import { researchItemCount } from '../../core/papers/researchCodec';
import { decodeProgress, encodeProgressFile, MAX_PROGRESS_BYTES, parseProgressText, tooLarge } from '../../core/progress/progressCodec';
import type { Status } from '../../core/progress/progressModel';
import { statusWords } from '../../core/progress/statusWords';
import { reviewItemCount } from '../../core/review/reviewCodec';
import { topicPicks } from '../../core/views/topicPicks';
import { topicIdsOf, uriOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Mark …, Reset, Export and Import Progress. */
export function progressHandlers({ roadmaps, progress, notes, log }: Services): Pick<CommandHandlers, 'markDone' | 'markInProgress' | 'markSkipped' | 'markNotStarted' | 'resetProgress' | 'exportProgress' | 'importProgress'> {
  /** The rows given, else the topic of the notes panel, else a pick. */
  const mark = (status: Status) => async (clicked?: unknown, selected?: unknown) => {
    const index = await roadmaps.current();
    let ids = topicIdsOf(clicked, selected);
    if (ids.length === 0 && notes.currentId) ids = [notes.currentId];
    if (ids.length === 0) {
      const picked = await vscode.window.showQuickPick(
        topicPicks(index).map(({ detail: _detail, ...pick }) => pick),
        { placeHolder: `Mark which topics ${statusWords(status)}?`, canPickMany: true, matchOnDescription: true },
      );
      ids = picked?.map((p) => p.id) ?? [];
    }
    const known = ids.filter((id) => index.topic(id));
    if (known.length) await progress.apply(index.roadmap.id, known.map((id) => ({ kind: 'topic', id, status })));
  };

  const reset = async () => {
    const index = await roadmaps.current();
    const answer = await vscode.window.showWarningMessage(
      `Reset all progress on "${index.roadmap.title}"?`,
      { modal: true, detail: 'Every topic and exercise goes back to "not started", and the review cards and quiz answers of this roadmap are deleted. The history of your status changes and your study plan are kept. Export your progress first if you may want it back.' },
      'Reset Progress',
    );
    if (answer === 'Reset Progress') await progress.reset(index.roadmap.id);
  };

  const exportProgress = async (target?: unknown) => {
    const uri = uriOf(target) ?? (await vscode.window.showSaveDialog({ defaultUri: defaultExportUri(), filters: { 'AI Roadmap progress': ['json'] }, saveLabel: 'Export Progress' }));
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(encodeProgressFile(progress.snapshot(), new Date())));
    void vscode.window.showInformationMessage(`Progress exported to ${vscode.workspace.asRelativePath(uri)}.`);
  };

  const importProgress = async (target?: unknown, modeArg?: unknown): Promise<boolean | undefined> => {
    const uri = uriOf(target) ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'AI Roadmap progress': ['json'] }, openLabel: 'Import Progress' }))?.[0];
    if (!uri) return;
    const name = vscode.workspace.asRelativePath(uri);
    let parsed: ReturnType<typeof parseProgressText>;
    try {
      // Sized before it is read: a huge file must not cost the memory or the seconds to find out.
      const { size } = await vscode.workspace.fs.stat(uri);
      parsed = size > MAX_PROGRESS_BYTES ? { ok: false, message: tooLarge(size) } : parseProgressText(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (e) {
      parsed = { ok: false, message: `could not be read (${(e as Error).message})` };
    }
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(`Nothing was imported: ${name} ${parsed.message}.`);
      return false;
    }
    const raw = parsed.raw;
    const isProgressFile = !!raw && typeof raw === 'object' && (raw as { format?: unknown }).format === 'ai-roadmap-progress';
    const { state, rejected, planRejected } = decodeProgress(raw);
    for (const r of rejected) log.warn(`Import from ${uri.fsPath}: ${r}`);
    if (planRejected.length) {
      void vscode.window.showErrorMessage(`Nothing was imported: ${planRejected[0]}`);
      return false;
    }
    const items = Object.values(state.roadmaps).reduce((n, r) => n + Object.keys(r.topics).length + Object.keys(r.exercises).length + r.history.length + (r.plan ? 1 : 0) + reviewItemCount(r), 0) + researchItemCount(state.research);
    if (!isProgressFile || items === 0) {
      const why = !isProgressFile ? 'it is not an AI Roadmap progress export' : 'it holds no progress';
      void vscode.window.showErrorMessage(`Nothing was imported: ${why}.${rejected.length ? ` ${rejected.slice(0, 3).join(' ')}` : ''}`);
      return false;
    }
    const mode =
      (typeof modeArg === 'string' ? modeArg : undefined) ??
      (await vscode.window.showInformationMessage(
        'How should the imported progress be combined with yours?',
        { modal: true, detail: `Merge keeps the newer status of each topic. Replace takes the file's progress for the roadmaps it contains.${rejected.length ? `\n\n${rejected.length} entr${rejected.length === 1 ? 'y was' : 'ies were'} rejected: ${rejected.slice(0, 5).join(' ')}` : ''}` },
        'Merge',
        'Replace',
      ))?.toLowerCase();
    if (mode !== 'merge' && mode !== 'replace') return false;
    await progress.import(state, mode);
    void vscode.window.showInformationMessage(`Progress imported (${mode}).${rejected.length ? ` ${rejected.length} malformed entr${rejected.length === 1 ? 'y was' : 'ies were'} skipped; see the AI Roadmap output.` : ''}`);
    return true;
  };

  return {
    markDone: mark('done'),
    markInProgress: mark('in-progress'),
    markSkipped: mark('skipped'),
    markNotStarted: mark('not-started'),
    resetProgress: reset,
    exportProgress,
    importProgress,
  };
}

function defaultExportUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, 'ai-roadmap-progress.json') : undefined;
}
