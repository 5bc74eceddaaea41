import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SnippetRun } from '../../src/core/snippets/snippetRun';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

const PYTHON = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const run = (topic: string, block: number) => vscode.commands.executeCommand<SnippetRun>('aiRoadmap.runSnippet', topic, block).then((r) => r!);

describe('Runnable notes', () => {
  let api: AiRoadmapApi;
  const config = () => vscode.workspace.getConfiguration('aiRoadmap');

  before(async () => {
    api = await activateExtension();
    await config().update('pythonPath', PYTHON, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Run on a built-in note’s snippet returns its output, with the interpreter Check Exercise uses', async () => {
    const started = api.snippets.processesStarted;
    const result = await run('linear-algebra', 0);
    assert.equal(result.outcome, 'ok', result.summary + result.output);
    assert.match(result.output, /eigenvalues: \[/);
    assert.match(result.output, /reconstruction ok: True/);
    assert.equal(result.interpreter, `${PYTHON} (the aiRoadmap.pythonPath setting)`);
    assert.equal(api.snippets.processesStarted, started + 1);
  });

  describe("on an author's note", () => {
    before(async () => {
      const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
      const dir = join(workspaceUri().fsPath, 'snippet-roadmap');
      cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'snippets'), dir, { recursive: true });
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.file(join(dir, 'roadmap.yaml'))), 'snippets');
    });
    after(async () => {
      await config().update('notes.runTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    });

    it('runs each block in a fresh temporary folder that is gone afterwards', async () => {
      const first = await run('run-me', 0);
      assert.equal(first.outcome, 'ok', first.output);
      assert.match(first.output, /hello from block 0/);
      const cwd = /cwd (.+)/.exec(first.output)![1];
      assert.match(cwd, /ai-roadmap-run-/);
      assert.ok(!cwd.startsWith(workspaceUri().fsPath), 'not in the workspace');
      assert.equal(existsSync(cwd), false, 'the run folder was removed');
      const second = await run('run-me', 0);
      assert.notEqual(/cwd (.+)/.exec(second.output)![1], cwd, 'a fresh folder each time');
    });

    it('keeps a figure saved to the run folder (not a link named like one), until it is released', async () => {
      // The command releases the figures of its run at once; the runner itself keeps them until asked.
      const cts = new vscode.CancellationTokenSource();
      const code = readBlock(1);
      const result = await api.snippets.run(code, undefined, cts.token);
      assert.equal(result.outcome, 'ok', result.output);
      assert.deepEqual(result.figures.map((f) => f.name), ['figure.png']);
      const png = readFileSync(result.figures[0].path);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(api.snippets.figuresRoot && result.figures[0].path.startsWith(api.snippets.figuresRoot.fsPath), 'kept in the figures folder the panels may read');
      assert.match(result.summary, /One figure saved/);
      api.snippets.release(result);
      assert.equal(existsSync(result.figures[0].path), false);
    });

    it('names a missing package with its install hint', async () => {
      const result = await run('run-me', 2);
      assert.equal(result.outcome, 'failed');
      assert.deepEqual(result.missing.map((m) => m.module), ['no_such_module_xyz']);
      assert.match(result.summary, new RegExp(`no module named "no_such_module_xyz"\\. Install it with: ${PYTHON} -m pip install no_such_module_xyz\\.`));
    });

    it('cuts output that is too long, with a note, and keeps markup as text', async () => {
      const result = await run('run-me', 3);
      assert.equal(result.outcome, 'ok');
      assert.ok(result.output.startsWith('<b>not bold</b>\n'));
      assert.equal(result.cut, true);
      assert.match(result.cutNote!, /^Output cut at 100,000 characters: 200,\d{3} more were not shown\.$/);
      assert.ok(result.output.length < 100_200);
    });

    it('stops a run at the time limit, and Stop cancels one, ending what it started', async () => {
      await config().update('notes.runTimeoutSeconds', 3, vscode.ConfigurationTarget.Workspace);
      const limited = await run('run-me', 4);
      assert.equal(limited.outcome, 'timeout', limited.output);
      assert.match(limited.summary, /Stopped after 3 s/);
      await config().update('notes.runTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);

      const cts = new vscode.CancellationTokenSource();
      const code = 'import os, subprocess, sys, time\nchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])\nprint("pids", os.getpid(), child.pid, flush=True)\ntime.sleep(600)\n';
      let output = '';
      const running = api.snippets.run(code, { output: (_s, text) => (output += text) }, cts.token);
      const [pid, childPid] = (await waitFor(() => /pids (\d+) (\d+)/.exec(output), 'the snippet to print its pids')).slice(1).map(Number);
      cts.cancel();
      const stopped = await running;
      assert.equal(stopped.outcome, 'cancelled');
      assert.equal(stopped.summary, 'Stopped.');
      for (const p of [pid, childPid]) await waitFor(() => !alive(p), `process ${p} to be gone`);
    });
  });

  describe('Open as Notebook and Copy to Workspace', () => {
    const notebook = () => vscode.Uri.joinPath(workspaceUri(), 'notebooks', 'linear-algebra.ipynb');
    const read = (uri: vscode.Uri) => readFileSync(uri.fsPath, 'utf8');

    it('writes the note as a notebook into the workspace and opens it', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.openNotebook', 'linear-algebra');
      assert.equal(uri?.toString(), notebook().toString());
      const nb = JSON.parse(read(notebook())) as { nbformat: number; cells: Array<{ cell_type: string; source: string[] }> };
      assert.equal(nb.nbformat, 4);
      assert.ok(nb.cells.some((c) => c.cell_type === 'code' && c.source.join('').includes('np.linalg.eigh')));
      await waitFor(() => vscode.window.activeNotebookEditor?.notebook.uri.toString() === notebook().toString() || vscode.window.activeTextEditor?.document.uri.toString() === notebook().toString(), 'the notebook to open');
    });

    it('never overwrites without asking: cancel and keep leave the file as it is, only overwrite replaces it', async () => {
      writeFileSync(notebook().fsPath, '{"mine": true}\n');
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.openNotebook', 'linear-algebra', { onConflict: 'cancel' }), undefined);
      assert.equal(read(notebook()), '{"mine": true}\n');
      const kept = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.openNotebook', 'linear-algebra', { onConflict: 'keep', open: false });
      assert.equal(kept?.toString(), notebook().toString());
      assert.equal(read(notebook()), '{"mine": true}\n');
      await vscode.commands.executeCommand('aiRoadmap.openNotebook', 'linear-algebra', { onConflict: 'overwrite', open: false });
      assert.match(read(notebook()), /"nbformat": 4/);
    });

    it('Copy to Workspace saves a block as a .py file, and asks before replacing it', async () => {
      const uri = (await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.copySnippet', 'linear-algebra', 0, { open: false }))!;
      assert.equal(vscode.workspace.asRelativePath(uri), 'snippets/linear-algebra-1.py');
      assert.match(read(uri), /^# Linear algebra.*: Python block 1 of its AI Roadmap notes\.\nimport numpy as np\n/);
      writeFileSync(uri.fsPath, 'mine = True\n');
      assert.equal(await vscode.commands.executeCommand('aiRoadmap.copySnippet', 'linear-algebra', 0, { onConflict: 'cancel' }), undefined);
      assert.equal(read(uri), 'mine = True\n');
    });
  });
});

/** Whether a process runs: a zombie (ended, not yet reaped by a parent or init) counts as gone. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function readBlock(n: number): string {
  const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
  const md = readFileSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'snippets', 'notes', 'run-me.md'), 'utf8');
  return [...md.matchAll(/```python\n([\s\S]*?)```/g)][n][1];
}
