import * as vscode from 'vscode';
import { fetchArxivEntry } from '../../core/papers/arxivClient';
import { parsePaperInput, paperIdOf, type PaperRef } from '../../core/papers/paperIds';
import { addPaper, isPaperStatus, nextStatus, PAPER_STATUS_LABELS, PAPER_STATUSES, removePaper, setPaperStatus, updatePaper, withMetadata, type Paper, type PaperMetadata, type PaperStatus } from '../../core/papers/paperModel';
import type { PaperNode } from '../../core/papers/paperRows';
import { readingLog } from '../../core/papers/readingLog';
import { topicPicks } from '../../core/views/topicPicks';
import { papersInputOutput } from '../base/lazyModules';
import type { Settings } from '../base/settings';
import { openWebLink } from '../base/openWebLink';
import type { ProgressStore } from '../progress/progressStore';
import type { RoadmapService } from '../roadmap/roadmapService';
import type { PaperNotes } from './paperNotes';
import { checkHabit } from './researchHabit';
import { papersSettings } from './papersSettings';

export interface AddPaperOptions {
  /** A roadmap topic to link the paper to (from a note's references). */
  topicId?: string;
  /** The title to use when no metadata is fetched. */
  title?: string;
  /** false: add from what is known, without asking arXiv (the notes panel's one click). */
  fetch?: boolean;
}

/** A Papers view row, or a paper's id. */
export type PaperTarget = PaperNode | string;
type Target = PaperTarget | undefined;
const encode = (s: string) => new TextEncoder().encode(s);

/** Add Paper and everything done to a paper or to the whole list: what the Papers commands run. */
export function paperActions(progress: ProgressStore, roadmaps: RoadmapService, notes: PaperNotes, settings: Settings, log: vscode.LogOutputChannel) {
  const paperOf = async (target: Target, placeHolder: string): Promise<Paper | undefined> => {
    const papers = progress.research().papers;
    const id = typeof target === 'string' ? target : target?.kind === 'paper' ? target.id : undefined;
    if (id) return papers[id];
    const picked = await vscode.window.showQuickPick(
      Object.values(papers).map((p) => ({ label: p.title, description: PAPER_STATUS_LABELS[p.status], id: p.id })),
      { placeHolder },
    );
    return picked && papers[picked.id];
  };

  /** arXiv metadata, or a sentence saying why there is none; never called with the network setting off. */
  const fetchMetadata = async (arxivId: string): Promise<{ meta?: PaperMetadata; error?: string }> => {
    const s = papersSettings(settings);
    const { parseArxivAtom } = await papersInputOutput();
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Asking arXiv about ${arxivId}…` }, () =>
      fetchArxivEntry({ baseUrl: s.arxivApiUrl, arxivId, timeoutMs: s.timeoutMs, parse: parseArxivAtom }),
    );
    if (!result.ok) return { error: result.error };
    const meta = result.entries.find((e) => e.arxivId === arxivId);
    return meta ? { meta } : { error: `arXiv has no paper ${arxivId}.` };
  };

  const add = async (input?: string, options: AddPaperOptions = {}): Promise<string | undefined> => {
    const typed =
      input ??
      (await vscode.window.showInputBox({
        title: 'Add Paper',
        prompt: 'An arXiv id or URL, a DOI, or a title',
        placeHolder: '1706.03762, https://arxiv.org/abs/1706.03762, 10.1145/3442188.3445922 or a title',
        validateInput: (v) => (v.trim() ? undefined : 'Type an arXiv id or URL, a DOI, or a title.'),
      }));
    if (typed === undefined) return undefined;
    const ref = parsePaperInput(typed);
    if ('error' in ref) {
      void vscode.window.showErrorMessage(`No paper was added: ${ref.error}`);
      return undefined;
    }
    const id = paperIdOf(ref);
    const topics = options.topicId ? [options.topicId] : [];
    if (progress.research().papers[id]) {
      if (topics.length) await progress.updateResearch((r) => addPaper(r, id, r.papers[id], new Date(), topics));
      void vscode.window.showInformationMessage(`"${progress.research().papers[id].title}" is already in your papers.`);
      return id;
    }
    let meta = typedMetadata(ref, options.title);
    if (ref.kind === 'arxiv' && options.fetch !== false && papersSettings(settings).network) {
      const fetched = await fetchMetadata(ref.arxivId);
      if (fetched.error) {
        // The list stays as it was; the learner may still add the paper from what was typed.
        log.warn(`Add Paper ${ref.arxivId}: ${fetched.error}`);
        const typedMeta = meta;
        void vscode.window.showErrorMessage(`No paper was added: ${fetched.error}`, 'Add Without Metadata').then(async (choice) => {
          if (choice) await progress.updateResearch((r) => addPaper(r, id, typedMeta, new Date(), topics));
        });
        return undefined;
      }
      meta = fetched.meta!;
    }
    if (ref.kind === 'doi' && !options.title && input === undefined) {
      const title = await vscode.window.showInputBox({ title: 'Add Paper', prompt: `The title of ${ref.doi} (optional)` });
      if (title?.trim()) meta = { ...meta, title: title.trim() };
    }
    await progress.updateResearch((r) => addPaper(r, id, meta, new Date(), topics));
    return id;
  };

  const fetchCmd = async (target?: Target) => {
    const paper = await paperOf(target, 'Fetch metadata for which paper?');
    if (!paper) return false;
    if (!paper.arxivId) {
      void vscode.window.showInformationMessage(`"${paper.title}" has no arXiv id; only arXiv metadata can be fetched.`);
      return false;
    }
    if (!papersSettings(settings).network) {
      void vscode.window.showInformationMessage('Network use is off (setting aiRoadmap.papers.network), so nothing was fetched.');
      return false;
    }
    const { meta, error } = await fetchMetadata(paper.arxivId);
    if (!meta) {
      void vscode.window.showErrorMessage(`The metadata was not updated: ${error}`);
      return false;
    }
    await progress.updateResearch((r) => withMetadata(r, paper.id, meta, new Date()));
    return true;
  };

  const setStatus = async (target?: Target, status?: PaperStatus) => {
    const paper = await paperOf(target, 'Set the reading status of which paper?');
    if (!paper) return;
    const next =
      status ??
      (await vscode.window.showQuickPick(
        PAPER_STATUSES.map((s) => ({ label: PAPER_STATUS_LABELS[s], description: s === paper.status ? 'current' : undefined, status: s })),
        { placeHolder: `Reading status of "${paper.title}"` },
      ))?.status;
    if (isPaperStatus(next)) await progress.updateResearch((r) => setPaperStatus(r, paper.id, next, new Date()));
  };

  const nextPass = async (target?: Target) => {
    const paper = await paperOf(target, 'Mark the next pass of which paper?');
    if (paper) await progress.updateResearch((r) => setPaperStatus(r, paper.id, nextStatus(paper.status), new Date()));
  };

  const openNote = async (target?: Target) => {
    const paper = await paperOf(target, 'Open the note of which paper?');
    return paper && notes.open(paper);
  };

  const editTags = async (target?: Target, tags?: string) => {
    const paper = await paperOf(target, 'Edit the tags of which paper?');
    if (!paper) return;
    const text = tags ?? (await vscode.window.showInputBox({ title: `Tags of "${paper.title}"`, prompt: 'Comma-separated', value: paper.tags.join(', ') }));
    if (text !== undefined) await progress.updateResearch((r) => updatePaper(r, paper.id, { tags: text.split(',') }, new Date()));
  };

  const linkTopics = async (target?: Target, topicIds?: string[]) => {
    const paper = await paperOf(target, 'Link which paper to roadmap topics?');
    if (!paper) return;
    const index = await roadmaps.current();
    const picked =
      topicIds ??
      (await vscode.window.showQuickPick(
        topicPicks(index).map(({ detail: _detail, ...pick }) => ({ ...pick, picked: paper.topics.includes(pick.id) })),
        { canPickMany: true, placeHolder: `Topics for "${paper.title}"`, matchOnDescription: true },
      ))?.map((p) => p.id);
    if (picked) await progress.updateResearch((r) => updatePaper(r, paper.id, { topics: picked.filter((id) => index.topic(id)) }, new Date()));
  };

  const openPaper = async (target?: Target) => {
    const paper = await paperOf(target, 'Open which paper?');
    const url = paper && (paper.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : paper.doi ? `https://doi.org/${paper.doi}` : undefined));
    if (url) await openWebLink(url);
    else if (paper) void vscode.window.showInformationMessage(`"${paper.title}" has no link yet.`);
  };

  const remove = async (target?: Target, confirmed?: boolean) => {
    const paper = await paperOf(target, 'Remove which paper?');
    if (!paper) return;
    const ok = confirmed || (await vscode.window.showWarningMessage(`Remove "${paper.title}" from your papers?`, { modal: true, detail: 'Your note on it is kept and comes back if you add the paper again.' }, 'Remove')) === 'Remove';
    if (ok) await progress.updateResearch((r) => removePaper(r, paper.id));
  };

  const check = (item: 'feed' | 'labs', done = true) => checkHabit(progress, item, done);

  const exportBib = async (target?: vscode.Uri) => {
    const papers = Object.values(progress.research().papers);
    if (!papers.length) return void vscode.window.showInformationMessage('Your reading list is empty; there is nothing to export.');
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: inWorkspace('papers.bib'), filters: { BibTeX: ['bib'] }, saveLabel: 'Export BibTeX' }));
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, encode((await papersInputOutput()).papersToBibtex(papers)));
    void vscode.window.showInformationMessage(`${papers.length} paper${papers.length === 1 ? '' : 's'} exported to ${vscode.workspace.asRelativePath(uri)}.`);
  };

  const exportLog = async (target?: vscode.Uri) => {
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: inWorkspace('reading-log.md'), filters: { Markdown: ['md'] }, saveLabel: 'Export Reading Log' }));
    if (!uri) return;
    const index = await roadmaps.current();
    await vscode.workspace.fs.writeFile(uri, encode(readingLog(Object.values(progress.research().papers), (id) => index.topic(id)?.title)));
    void vscode.window.showInformationMessage(`Reading log written to ${vscode.workspace.asRelativePath(uri)}.`);
  };

  const importBib = async (target?: vscode.Uri) => {
    const uri = target ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { BibTeX: ['bib', 'bibtex'] }, openLabel: 'Import BibTeX' }))?.[0];
    if (!uri) return undefined;
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > 5_000_000) throw new Error('it is larger than 5 MB');
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      void vscode.window.showErrorMessage(`Nothing was imported: ${vscode.workspace.asRelativePath(uri)} could not be read (${(e as Error).message}).`);
      return { added: 0, refused: [] as string[] };
    }
    const { papers, refused } = (await papersInputOutput()).parseBibtex(text);
    const before = progress.research().papers;
    const fresh = papers.filter((p) => !before[p.id]);
    for (const r of refused) log.warn(`BibTeX import from ${uri.fsPath}: ${r}`);
    if (fresh.length) {
      await progress.updateResearch((r) => {
        let next = r;
        for (const p of fresh) next = addPaper(next, p.id, p.meta, new Date());
        return next;
      });
    }
    const already = papers.length - fresh.length;
    const summary = `${fresh.length} paper${fresh.length === 1 ? '' : 's'} imported${already ? `, ${already} already listed` : ''}${refused.length ? `, ${refused.length} refused` : ''}.`;
    if (refused.length) {
      void vscode.window.showWarningMessage(`${summary} ${refused.slice(0, 3).join(' ')}`, 'Show Report').then((c) => c && log.show(true));
    } else void vscode.window.showInformationMessage(summary);
    return { added: fresh.length, refused };
  };

  return { add, fetchMetadata: fetchCmd, setStatus, nextPass, openNote, editTags, linkTopics, openPaper, remove, checkHabit: check, exportBibtex: exportBib, exportReadingLog: exportLog, importBibtex: importBib };
}

function typedMetadata(ref: PaperRef, title?: string): PaperMetadata {
  if (ref.kind === 'arxiv') return { title: title ?? `arXiv:${ref.arxivId}`, authors: [], categories: [], arxivId: ref.arxivId, url: `https://arxiv.org/abs/${ref.arxivId}` };
  if (ref.kind === 'doi') return { title: title ?? `doi:${ref.doi}`, authors: [], categories: [], doi: ref.doi, url: `https://doi.org/${ref.doi}` };
  return { title: title ?? ref.title, authors: [], categories: [] };
}

function inWorkspace(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
