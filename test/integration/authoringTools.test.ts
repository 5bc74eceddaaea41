import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, EXTENSION_ID, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

/** Whether the loader knows sub-topics and the new resource kinds (issue 15's content model), which the starter uses. */
function contentModel15(extensionPath: string): boolean {
  const schema = JSON.parse(readFileSync(join(extensionPath, 'media', 'schema', 'roadmap.schema.json'), 'utf8')) as { $defs: { topic: { properties: Record<string, unknown> } } };
  return !!schema.$defs.topic.properties.subtopics;
}

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe("A teacher's tools: New Roadmap, Import Outline, pictures and code in notes", () => {
  let api: AiRoadmapApi;
  let extensionPath: string;
  const ws = () => workspaceUri().fsPath;

  before(async () => {
    api = await activateExtension();
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('New Roadmap writes the starter into a new folder, opens its roadmap.yaml and shows it', async () => {
    const made = await vscode.commands.executeCommand<vscode.Uri | string>('aiRoadmap.newRoadmap', 'courses/first-course');
    assert.ok(made instanceof vscode.Uri, `created: ${String(made)}`);
    assert.equal(made.fsPath, join(ws(), 'courses', 'first-course', 'roadmap.yaml'));
    const starter = JSON.parse(readFileSync(join(extensionPath, 'dist', 'starter.json'), 'utf8')) as { files: Record<string, string> };
    assert.deepEqual(filesBelow(join(ws(), 'courses', 'first-course')), Object.keys(starter.files).sort());
    const yaml = readFileSync(made.fsPath, 'utf8');
    assert.match(yaml, /^id: first-course$/m);
    assert.match(yaml, /^title: "First course"$/m);
    assert.equal(vscode.workspace.getConfiguration('aiRoadmap').get('roadmapFile'), 'courses/first-course/roadmap.yaml');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === made.fsPath, 'roadmap.yaml open in an editor');
    if (contentModel15(extensionPath)) {
      await waitFor(async () => (await api.roadmaps.current()).roadmap.id === 'first-course', 'the starter in the tree');
      assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:first-steps', 'layer:going-further']);
    }
  });

  it('New Roadmap never overwrites: a roadmap, an empty folder, a file or a link in the way is refused and left as it was', async () => {
    const yamlFile = join(ws(), 'courses', 'first-course', 'roadmap.yaml');
    writeFileSync(yamlFile, '# edited by the teacher\n');
    const again = await vscode.commands.executeCommand<vscode.Uri | string>('aiRoadmap.newRoadmap', 'courses/first-course');
    assert.equal(again, '"courses/first-course" already exists in the workspace, so nothing was written: a new roadmap never overwrites anything. Choose another name.');
    assert.equal(readFileSync(yamlFile, 'utf8'), '# edited by the teacher\n');

    mkdirSync(join(ws(), 'empty-folder'));
    writeFileSync(join(ws(), 'a-file'), 'keep me');
    const outside = mkdtempSync(join(tmpdir(), 'ai-roadmap-outside-'));
    symlinkSync(outside, join(ws(), 'link-out'));
    for (const name of ['empty-folder', 'a-file', 'link-out']) {
      const refused = await vscode.commands.executeCommand<vscode.Uri | string>('aiRoadmap.newRoadmap', name);
      assert.match(String(refused), /already exists in the workspace, so nothing was written/, name);
    }
    assert.deepEqual(readdirSync(join(ws(), 'empty-folder')), []);
    assert.equal(readFileSync(join(ws(), 'a-file'), 'utf8'), 'keep me');
    // A new folder below a link that leaves the workspace, and a name that climbs out of it.
    assert.match(String(await vscode.commands.executeCommand('aiRoadmap.newRoadmap', 'link-out/new')), /is a link that leads outside the workspace folder/);
    assert.match(String(await vscode.commands.executeCommand('aiRoadmap.newRoadmap', '../up')), /"\.\.\/up" is not a folder name inside the workspace/);
    assert.deepEqual(readdirSync(outside), [], 'nothing was written outside');
  });

  it('Import Outline makes a roadmap folder of an outline, shows it, and lists its guesses on the outline', async () => {
    cpSync(join(extensionPath, 'test', 'fixtures', 'outlines'), join(ws(), 'outlines'), { recursive: true });
    const flat = vscode.Uri.file(join(ws(), 'outlines', 'flat.md'));
    const made = await vscode.commands.executeCommand<vscode.Uri | string>('aiRoadmap.importOutline', flat, 'imported/intro');
    assert.ok(made instanceof vscode.Uri, `imported: ${String(made)}`);
    await waitFor(async () => (await api.roadmaps.current()).roadmap.id === 'intro', 'the imported roadmap in the tree');
    assert.deepEqual(await api.roadmapTree.getChildren(), ['layer:foundations', 'layer:practice']);
    assert.equal((await api.roadmaps.current()).topic('variables')?.resources.length, 2);

    const messy = vscode.Uri.file(join(ws(), 'outlines', 'messy.md'));
    assert.ok((await vscode.commands.executeCommand('aiRoadmap.importOutline', messy, 'imported/messy')) instanceof vscode.Uri);
    const remarks = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(messy);
      return d.length ? d : undefined;
    }, 'the remarks on the outline');
    assert.deepEqual(remarks.map((d) => [d.range.start.line + 1, d.severity]), [1, 7, 15, 16, 22].map((l) => [l, vscode.DiagnosticSeverity.Warning]));
    // Importing again into the same folder is refused; nothing there changes.
    const before = readFileSync(join(ws(), 'imported', 'intro', 'roadmap.yaml'), 'utf8');
    assert.match(String(await vscode.commands.executeCommand('aiRoadmap.importOutline', flat, 'imported/intro')), /already exists in the workspace/);
    assert.equal(readFileSync(join(ws(), 'imported', 'intro', 'roadmap.yaml'), 'utf8'), before);
  });

  it("an author's note shows its pictures through the webview and highlights go, rust and html (rendered on the worker)", async () => {
    cpSync(join(extensionPath, 'test', 'fixtures', 'pictures-roadmap'), join(ws(), 'pictures'), { recursive: true });
    const id = await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.file(join(ws(), 'pictures', 'roadmap.yaml')));
    assert.equal(id, 'pictures');
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'gradient-descent');
    const html = await waitFor(() => api.notesPanel.shownNotesHtml('gradient-descent'), 'the note in the panel');
    const pictures = [...html.matchAll(/<img class="note-image" src="([^"]+)" alt="([^"]*)"/g)];
    assert.deepEqual(pictures.map((m) => m[2]), ['Steps of gradient descent down a bowl', 'A copy with an unusual name', 'A red square']);
    for (const [, src] of pictures) assert.match(src, /^https:\/\/.*vscode-resource/);
    assert.match(html, /<span class="note-image-link">Picture “The logo of example\.org” on the web, not loaded: <a href="https:\/\/example\.org\/logo\.png"/);
    for (const lang of ['go', 'rust', 'html']) assert.match(html, new RegExp(`<code class="language-${lang}">.*?<span class="hljs-`, 's'), `${lang} is highlighted`);
    assert.ok(existsSync(join(extensionPath, 'dist', 'languages', 'go.js')));
  });

  it('a built-in note shows its picture from the content pack', async () => {
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
    await vscode.commands.executeCommand('aiRoadmap.openNotes', 'optimization');
    const html = await waitFor(() => api.notesPanel.shownNotesHtml('optimization'), 'the optimization note');
    assert.match(html, /<img class="note-image" src="https:\/\/ai-roadmap(?:\+|%2B)[^"]*\/notes\/foundations\/images\/ill-conditioned-valley\.svg" alt="Gradient descent on/);
  });
});
