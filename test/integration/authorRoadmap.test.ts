import * as assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

describe("A teacher's own roadmap", () => {
  let api: AiRoadmapApi;
  const dir = () => vscode.Uri.joinPath(workspaceUri(), 'my-roadmap');
  const layerFile = () => vscode.Uri.joinPath(dir(), 'layers', 'basics.yaml');
  const roadmapId = async () => (await api.roadmaps.current()).roadmap.id;
  const layerDiagnostics = () => {
    const d = vscode.languages.getDiagnostics(layerFile());
    return d.length ? d : undefined;
  };
  const BAD_PREREQUISITE = 'hours: 2\n    prerequisites: [nowhere]';

  /** Edits the layer file in an editor and saves it, as a teacher does. */
  const notesTabLabels = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiRoadmap.notes')).map((t) => t.label);

  async function editAndSave(change: (text: string) => string) {
    const doc = await vscode.workspace.openTextDocument(layerFile());
    await vscode.window.showTextDocument(doc);
    // As a teacher would after a change on disk: take the file as it is there now.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const target = change(doc.getText());
    // A save the host turns down on a loaded machine (seen once in code-server) is tried again with the same text.
    for (let attempt = 1; ; attempt++) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), target);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
      const dirty = doc.isDirty;
      if (await doc.save()) return;
      assert.ok(attempt < 3, `the file saves (dirty before: ${dirty}, after: ${doc.isDirty}, active: ${vscode.window.activeTextEditor?.document.uri.path})`);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }

  before(async () => {
    api = await activateExtension();
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'valid'), dir().fsPath, { recursive: true });
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'references'), vscode.Uri.joinPath(workspaceUri(), 'broken-roadmap').fsPath, { recursive: true });
  });

  // A test that fails half-way leaves its edit in the layer file: put the fixture back, so the
  // next test starts from the roadmap it expects instead of failing too.
  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'valid'), dir().fsPath, { recursive: true });
  });

  it('a roadmap with problems, while nothing good was loaded from it, leaves the built-in roadmap on screen and lists its problems', async () => {
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    const id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(workspaceUri(), 'broken-roadmap', 'roadmap.yaml'));
    assert.equal(id, 'modern-ai-2025');
    assert.equal(api.roadmaps.problems?.showing, 'built-in');
    assert.ok((api.roadmaps.problems?.errors ?? 0) >= 6, 'every problem of the file, in one pass');
    const diags = vscode.languages.getDiagnostics(vscode.Uri.joinPath(workspaceUri(), 'broken-roadmap', 'roadmap.yaml'));
    for (const re of [/needs "alpah"/, /Prerequisites form a cycle/, /also the id of topic #1/, /must have an http or https address/]) assert.ok(diags.some((d) => re.test(d.message)), `a diagnostic matching ${re}`);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('Open Roadmap File shows it in the tree and remembers it in the workspace settings', async () => {
    const id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(dir(), 'roadmap.yaml'));
    assert.equal(id, 'tiny');
    assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:basics', 'layer:second']);
    assert.equal(vscode.workspace.getConfiguration('aiRoadmap').get('roadmapFile'), 'my-roadmap/roadmap.yaml');
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'intro');
    await waitFor(() => api.notesPanel.currentId === 'intro', 'the notes of the author topic');
  });

  it('a broken save keeps the last good roadmap and the open notes tab, with the problem listed; fixing it brings the new version', async () => {
    const before = await api.roadmaps.current();
    let changes = 0;
    const subs = [api.roadmaps.onDidChange(() => changes++)];
    try {
      await editAndSave((text) => text.replace('hours: 2', BAD_PREREQUISITE).replace('title: Introduction', 'title: Introduction, broken'));
      const diags = await waitFor(layerDiagnostics, 'a diagnostic on the layer file');
      assert.match(diags[0].message, /needs "nowhere", which is neither a topic nor a sub-topic of this roadmap/);
      assert.equal(diags[0].range.start.line, 9, 'on the line of the bad prerequisite (0-based)');
      assert.equal(diags[0].source, 'AI Roadmap');
      await waitFor(() => api.roadmaps.problems?.showing === 'last good', 'the problems to be known');
      assert.equal(await api.roadmaps.current(), before, 'the last good roadmap stays, the very same');
      assert.equal(changes, 0, 'the views were not told of another roadmap');
      assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:basics', 'layer:second']);
      assert.equal(api.notesPanel.currentId, 'intro', 'the open notes tab stays on its topic');
      // It may be drawn again (a progress or review event redraws it), but from the last good
      // roadmap: its title is not the broken save's. (Counting redraws failed in CI when such an
      // event came in, and the broken file left behind failed the next three tests.)
      assert.deepEqual(notesTabLabels(), ['Introduction'], 'the notes tab still shows the last good version');
    } finally {
      subs.forEach((d) => d.dispose());
    }

    await editAndSave((text) => text.replace(BAD_PREREQUISITE, 'hours: 2'));
    await waitFor(async () => (await api.roadmaps.current()).roadmap.layers[0].topics[0].title === 'Introduction, broken', 'the fixed version to come in');
    assert.equal(api.roadmaps.problems, undefined);
    assert.equal(vscode.languages.getDiagnostics(layerFile()).length, 0, 'the problem is cleared');
    await waitFor(() => api.notesPanel.currentId === 'intro', 'the notes tab still on its topic');
    await editAndSave((text) => text.replace('title: Introduction, broken', 'title: Introduction'));
    await waitFor(async () => (await api.roadmaps.current()).roadmap.layers[0].topics[0].title === 'Introduction', 'the title restored');
  });

  it('a schema error does not hide the semantic problems, and fixing one of them keeps the tree in place', async () => {
    const before = await api.roadmaps.current();
    await editAndSave((text) => text.replace('hours: 2', `${BAD_PREREQUISITE}\n    colour: red`));
    const both = await waitFor(() => {
      const d = layerDiagnostics();
      return d && d.length >= 2 ? d : undefined;
    }, 'the schema problem and the reference problem together');
    assert.ok(both.some((d) => /unknown property "colour"/.test(d.message)), 'the schema problem');
    assert.ok(both.some((d) => /needs "nowhere"/.test(d.message)), 'the reference problem, in the same pass');

    await editAndSave((text) => text.replace('\n    colour: red', ''));
    await waitFor(() => layerDiagnostics()?.length === 1, 'one problem left');
    assert.equal(await api.roadmaps.current(), before, 'still the last good roadmap');
    assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:basics', 'layer:second']);
    assert.deepEqual(await api.roadmapTree.getChildren('layer:basics'), ['topic:intro'], 'the tree is in place');

    await editAndSave((text) => text.replace(BAD_PREREQUISITE, 'hours: 2'));
    await waitFor(async () => !layerDiagnostics() && !api.roadmaps.problems && (await api.roadmaps.current()) !== before, 'the fixed roadmap');
  });

  it('a change from outside the editor (git, a script) is seen', async () => {
    // Watchers register asynchronously: first prove outside changes are seen, with a harmless
    // comment appended to roadmap.yaml until a reload follows (the watcher, or the poll that backs
    // it, within seconds); then make the change under test.
    const roadmapFile = join(dir().fsPath, 'roadmap.yaml');
    const original = readFileSync(roadmapFile, 'utf8');
    let reloads = 0;
    const sub = api.roadmaps.onDidChange(() => reloads++);
    try {
      for (let i = 0; reloads === 0; i++) {
        assert.ok(i < 20, 'no reload followed 20 outside writes (two minutes)');
        writeFileSync(roadmapFile, `${original}# sentinel ${i}\n`);
        // Each write gets six seconds to be seen before the next one; only the count bounds it.
        await waitFor(() => reloads > 0, 'the sentinel reload', 6000).catch(() => undefined);
      }
    } finally {
      sub.dispose();
    }
    const text = readFileSync(layerFile().fsPath, 'utf8');
    writeFileSync(layerFile().fsPath, text.replace('hours: 2', BAD_PREREQUISITE));
    await waitFor(layerDiagnostics, 'a diagnostic after the outside change');
    writeFileSync(layerFile().fsPath, text);
    writeFileSync(roadmapFile, original);
    await waitFor(async () => !layerDiagnostics() && (await roadmapId()) === 'tiny', 'the roadmap restored from outside');
  });

  it('changes saved while a reload runs are not lost', async () => {
    // Three saves in a row, the last one good: whatever the timing, the roadmap ends good.
    await editAndSave((text) => text.replace('hours: 2', BAD_PREREQUISITE));
    const reloading = api.roadmaps.reload();
    await editAndSave((text) => text.replace('title: Introduction', 'title: Introduction, revised'));
    await editAndSave((text) => text.replace(BAD_PREREQUISITE, 'hours: 2'));
    await reloading;
    await waitFor(async () => {
      const index = await api.roadmaps.current();
      return index.roadmap.id === 'tiny' && index.roadmap.layers[0].topics[0].title === 'Introduction, revised' && !layerDiagnostics();
    }, 'the last saved state of the roadmap');
  });

  it('Use Built-in Roadmap goes back to the eight layers', async () => {
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap'), 'modern-ai-2025');
    assert.equal((await api.roadmapTree.getChildren()).length, 8);
  });
});
