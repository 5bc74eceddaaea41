import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

/**
 * An author's roadmap whose files are links: a note linked to a file outside, a template file
 * linked to a secret, and a learner's exercise folder that is a link out of the workspace.
 */
describe('Links in a roadmap and in the workspace', () => {
  let api: AiRoadmapApi;
  const outside = mkdtempSync(join(tmpdir(), 'ai-roadmap-outside-'));
  const secret = join(outside, 'secret.txt');
  const dir = () => join(workspaceUri().fsPath, 'linked-roadmap');
  const exerciseDir = () => join(workspaceUri().fsPath, 'exercises', 'first-exercise');

  before(async () => {
    api = await activateExtension();
    writeFileSync(secret, 'TOP SECRET\n');
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'valid'), dir(), { recursive: true });
    // The fixture's exercise gets a template folder with a plain file and a link to the secret.
    const roadmapFile = join(dir(), 'roadmap.yaml');
    const yaml = (await vscode.workspace.fs.readFile(vscode.Uri.file(roadmapFile))).toString();
    writeFileSync(roadmapFile, yaml.replace('    difficulty: beginner', '    difficulty: beginner\n    path: exercises/first'));
    const template = join(dir(), 'exercises', 'first', 'template');
    mkdirSync(template, { recursive: true });
    writeFileSync(join(dir(), 'exercises', 'first', 'exercise.yaml'), 'id: first-exercise\nmain: main.py\n');
    writeFileSync(join(template, 'main.py'), 'print("start here")\n');
    symlinkSync(secret, join(template, 'secret.txt'));
    symlinkSync('.', join(template, 'loop'));
    const id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.file(roadmapFile));
    assert.equal(id, 'tiny');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    rmSync(exerciseDir(), { recursive: true, force: true });
  });

  it('a template file linked to a secret is left out of the scaffold, and the loop ends', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('aiRoadmap.scaffoldExercise', 'first-exercise', { open: false, onError: 'throw' });
    assert.ok(target, 'the exercise is scaffolded');
    assert.deepEqual(readdirSync(exerciseDir()).sort(), ['main.py']);
    rmSync(exerciseDir(), { recursive: true });
  });

  it('a target folder that is a link out of the workspace is refused and nothing is written there', async () => {
    mkdirSync(join(workspaceUri().fsPath, 'exercises'), { recursive: true });
    const away = mkdtempSync(join(tmpdir(), 'ai-roadmap-away-'));
    symlinkSync(away, exerciseDir());
    try {
      await assert.rejects(
        async () => vscode.commands.executeCommand('aiRoadmap.scaffoldExercise', 'first-exercise', { open: false, onError: 'throw' }),
        /"exercises\/first-exercise" is a link that leads outside the workspace folder, so it was not used\. Nothing was written\./,
      );
      assert.deepEqual(readdirSync(away), [], 'nothing was written outside the workspace');
    } finally {
      rmSync(exerciseDir());
    }
  });

  it('a note linked to a file outside is not shown, and the roadmap that links it is refused with a sentence (its last good version stays)', async () => {
    const note = join(dir(), 'notes', 'intro.md');
    rmSync(note);
    symlinkSync(secret, note);
    await assert.rejects(api.roadmaps.readNotes('notes/intro.md'), /"notes\/intro\.md" is a link that leads outside the roadmap folder/);
    await api.roadmaps.reload();
    const layer = vscode.Uri.file(join(dir(), 'layers', 'basics.yaml'));
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(layer);
      return d.length ? d : undefined;
    }, 'a diagnostic on the layer that names the linked note');
    assert.match(diags[0].message, /is a link that leads outside the roadmap folder/);
    assert.equal((await api.roadmaps.current()).roadmap.id, 'tiny', 'the last good roadmap stays on screen');
    assert.equal(api.roadmaps.problems?.showing, 'last good');
    assert.ok(existsSync(secret));
  });
});
