import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { emptyResearch } from '../../src/core/papers/paperModel';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

const fixtures = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'arxiv');
type Mode = 'one' | 'error' | 'empty' | 'html' | 'hostile' | 'hang';

/** A stand-in for the arXiv API on 127.0.0.1 that serves the recorded Atom files and counts requests. */
function arxivServer() {
  const state = { mode: 'one' as Mode, requests: [] as string[], server: undefined as Server | undefined, base: '' };
  const files: Record<Exclude<Mode, 'hang'>, [string, string]> = {
    one: ['one-entry.xml', 'application/atom+xml'],
    error: ['error.xml', 'application/atom+xml'],
    empty: ['empty.xml', 'application/atom+xml'],
    html: ['not-atom.html', 'text/html; charset=utf-8'],
    hostile: ['hostile-entities.xml', 'application/atom+xml'],
  };
  state.server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    if (state.mode === 'hang') return;
    const [file, type] = files[state.mode];
    res.writeHead(200, { 'content-type': type }).end(readFileSync(resolve(fixtures, file)));
  });
  return state;
}

describe('Papers: the reading list against a local arXiv API', () => {
  let api: AiRoadmapApi;
  const arxiv = arxivServer();
  const config = () => vscode.workspace.getConfiguration('aiRoadmap.papers');
  const papers = () => api.progress.research().papers;

  before(async () => {
    api = await activateExtension();
    await new Promise<void>((r) => arxiv.server!.listen(0, '127.0.0.1', r));
    arxiv.base = `http://127.0.0.1:${(arxiv.server!.address() as AddressInfo).port}/api`;
    await config().update('arxivApiUrl', arxiv.base, vscode.ConfigurationTarget.Global);
    await config().update('network', true, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    await api.progress.updateResearch(() => emptyResearch());
    arxiv.mode = 'one';
  });
  after(async () => {
    for (const key of ['arxivApiUrl', 'network', 'requestTimeoutSeconds', 'monthlyNudge']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    arxiv.server!.closeAllConnections();
    arxiv.server!.close();
  });

  it('adds a paper by id with its arXiv metadata, shown in the Papers view', async () => {
    const before = arxiv.requests.length;
    const id = await vscode.commands.executeCommand<string>('aiRoadmap.papers.add', 'https://arxiv.org/abs/1706.03762v5');
    assert.equal(id, 'arxiv:1706.03762');
    assert.deepEqual(arxiv.requests.slice(before), ['/api/query?id_list=1706.03762&max_results=1']);
    const p = papers()['arxiv:1706.03762'];
    assert.equal(p.title, 'Attention Is All You Need');
    assert.equal(p.authors.length, 8);
    assert.equal(p.published, '2017-06-12');
    assert.deepEqual(p.categories, ['cs.CL', 'cs.LG']);
    assert.equal(p.status, 'to-read');
    const groups = api.papers.tree.getChildren();
    assert.deepEqual(groups.map((g) => g.kind), ['month', 'group']);
    const [row] = api.papers.tree.getChildren(groups[1]);
    const item = api.papers.tree.getTreeItem(row);
    assert.equal(item.label, 'Attention Is All You Need');
    assert.equal(item.contextValue, 'paper.to-read');
  });

  it('marks the three passes, tags and topics, and keeps the note through a removal', async () => {
    await vscode.commands.executeCommand('aiRoadmap.papers.add', '1706.03762');
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('aiRoadmap.papers.nextPass', 'arxiv:1706.03762');
    assert.equal(papers()['arxiv:1706.03762'].status, 'third-pass');
    await vscode.commands.executeCommand('aiRoadmap.papers.setStatus', { kind: 'paper', id: 'arxiv:1706.03762' }, 'done');
    assert.deepEqual(papers()['arxiv:1706.03762'].passes.map((e) => e.status), ['first-pass', 'second-pass', 'third-pass', 'done']);
    await vscode.commands.executeCommand('aiRoadmap.papers.editTags', 'arxiv:1706.03762', 'transformers, attention');
    await vscode.commands.executeCommand('aiRoadmap.papers.linkTopics', 'arxiv:1706.03762', ['attention-mechanism', 'no-such-topic']);
    assert.deepEqual(papers()['arxiv:1706.03762'].tags, ['transformers', 'attention']);
    assert.deepEqual(papers()['arxiv:1706.03762'].topics, ['attention-mechanism']);

    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('aiRoadmap.papers.openNote', 'arxiv:1706.03762');
    assert.match(editor.document.getText(), /^# Attention Is All You Need/);
    await editor.edit((e) => e.insert(editor.document.positionAt(editor.document.getText().length), 'Scaled dot-product attention, multi-head.\n'));
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('aiRoadmap.papers.remove', 'arxiv:1706.03762', true);
    assert.equal(papers()['arxiv:1706.03762'], undefined);
    await vscode.commands.executeCommand('aiRoadmap.papers.add', '1706.03762');
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('aiRoadmap.papers.openNote', 'arxiv:1706.03762');
    assert.match(again.document.getText(), /Scaled dot-product attention, multi-head\./, 'the note came back with the paper');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('exports BibTeX and a reading log, and imports BibTeX with a report of what was refused', async () => {
    await vscode.commands.executeCommand('aiRoadmap.papers.add', '1706.03762');
    await vscode.commands.executeCommand('aiRoadmap.papers.add', 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models');
    await vscode.commands.executeCommand('aiRoadmap.papers.nextPass', 'arxiv:1706.03762');
    const bib = vscode.Uri.joinPath(workspaceUri(), 'papers.bib');
    await vscode.commands.executeCommand('aiRoadmap.papers.exportBibtex', bib);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(bib));
    assert.match(text, /@article\{arxiv:1706\.03762,/);
    assert.match(text, /author = \{Vaswani, Ashish and Shazeer, Noam/);
    const log = vscode.Uri.joinPath(workspaceUri(), 'reading-log.md');
    await vscode.commands.executeCommand('aiRoadmap.papers.exportReadingLog', log);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(log)), /Attention Is All You Need\]\(<https:\/\/arxiv\.org\/abs\/1706\.03762v7>\), Ashish Vaswani, Noam Shazeer, Niki Parmar et al\. \(2017\)\n {2}- First pass/);

    await api.progress.updateResearch(() => emptyResearch());
    await vscode.workspace.fs.writeFile(bib, new TextEncoder().encode(`${text}\n@article{broken, title={Unbalanced {braces}, year={2020}\n`));
    const result = await vscode.commands.executeCommand<{ added: number; refused: string[] }>('aiRoadmap.papers.importBibtex', bib);
    assert.equal(result.added, 2);
    assert.equal(result.refused.length, 1);
    assert.match(result.refused[0], /"broken" .* unbalanced braces/);
    assert.equal(papers()['arxiv:1706.03762'].title, 'Attention Is All You Need');
  });

  it('papers travel in the progress export and come back on import', async () => {
    await vscode.commands.executeCommand('aiRoadmap.papers.add', '1706.03762');
    const file = vscode.Uri.joinPath(workspaceUri(), 'progress-with-papers.json');
    await vscode.commands.executeCommand('aiRoadmap.exportProgress', file);
    await api.progress.updateResearch(() => emptyResearch());
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.importProgress', file, 'merge'), true);
    assert.equal(papers()['arxiv:1706.03762'].title, 'Attention Is All You Need');
  });

  it('with the network setting off nothing is requested: papers come from what was typed', async () => {
    await config().update('network', false, vscode.ConfigurationTarget.Global);
    try {
      const before = arxiv.requests.length;
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.papers.add', 'arXiv:2106.09685v2'), 'arxiv:2106.09685');
      assert.equal(papers()['arxiv:2106.09685'].title, 'arXiv:2106.09685');
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.papers.fetchMetadata', 'arxiv:2106.09685'), false);
      assert.equal(arxiv.requests.length, before, 'the test server saw no request');
    } finally {
      await config().update('network', true, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.papers.fetchMetadata', 'arxiv:2106.09685'), false, 'the recorded feed holds another paper');
  });

  it('an error feed, empty results, a web page, entity declarations and a hanging server leave the list as it was', async () => {
    await vscode.commands.executeCommand('aiRoadmap.papers.add', '1706.03762');
    const before = JSON.stringify(api.progress.research());
    await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      for (const mode of ['error', 'empty', 'html', 'hostile', 'hang'] as const) {
        arxiv.mode = mode;
        const n = arxiv.requests.length;
        assert.equal(await vscode.commands.executeCommand('aiRoadmap.papers.add', '2305.18290'), undefined, mode);
        assert.equal(arxiv.requests.length, n + 1, `${mode}: one request`);
        assert.equal(JSON.stringify(api.progress.research()), before, `${mode}: the list is unchanged`);
      }
    } finally {
      await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.papers.add', '../../etc/passwd'), undefined);
    assert.equal(JSON.stringify(api.progress.research()), before);
  });

  it('ticks the month’s checklist, and the nudge can be turned off', async () => {
    await vscode.commands.executeCommand('aiRoadmap.papers.checkHabit', 'feed');
    const [month] = api.papers.tree.getChildren();
    const [feed, labs] = api.papers.tree.getChildren(month);
    const state = (n: typeof feed) => api.papers.tree.getTreeItem(n).checkboxState;
    assert.equal(state(feed), vscode.TreeItemCheckboxState.Checked);
    assert.equal(state(labs), vscode.TreeItemCheckboxState.Unchecked);
    assert.match(String(api.papers.tree.getTreeItem(month).description), /^1 of 3 · streak 0 months$/);
    await config().update('monthlyNudge', false, vscode.ConfigurationTarget.Global);
    await waitFor(() => !api.papers.nudge.visible, 'the nudge to hide');
    await config().update('monthlyNudge', undefined, vscode.ConfigurationTarget.Global);
  });
});
