import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './support/extension';

const pack = (path: string) => vscode.Uri.from({ scheme: 'ai-roadmap', path });
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('Built-in content: notes and exercises served from the content pack', function () {
  this.timeout(120_000);
  let source: string;

  before(async () => {
    await activateExtension();
    source = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'roadmap');
  });

  it('serves a note as it is in roadmap/', async () => {
    assert.equal(await read(pack('/notes/foundations/linear-algebra.md')), readFileSync(join(source, 'notes', 'foundations', 'linear-algebra.md'), 'utf8'));
  });

  it('lists an exercise folder as on disk: template and solution, without exercise.yaml', async () => {
    const names = (await vscode.workspace.fs.readDirectory(pack('/exercises/logistic-regression-numpy'))).map(([n, t]) => `${n}:${t}`).sort();
    assert.deepEqual(names, [`solution:${vscode.FileType.Directory}`, `template:${vscode.FileType.Directory}`]);
    const template = (await vscode.workspace.fs.readDirectory(pack('/exercises/logistic-regression-numpy/template'))).map(([n]) => n).sort();
    assert.deepEqual(template, readdirSync(join(source, 'exercises', 'logistic-regression-numpy', 'template')).filter((n) => n !== '__pycache__' && n !== '.pytest_cache').sort());
    const stat = await vscode.workspace.fs.stat(pack('/exercises/logistic-regression-numpy/solution/logistic_regression.py'));
    assert.equal(stat.type, vscode.FileType.File);
    assert.ok(stat.size > 1000);
  });

  it('refuses writes in words and keeps the content as it was', async () => {
    const note = pack('/notes/foundations/linear-algebra.md');
    const before = await read(note);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(note, new TextEncoder().encode('overwritten'))), (e: Error) => /read-?only|NoPermissions/i.test(e.message));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.delete(note)), (e: Error) => /read-?only|NoPermissions/i.test(e.message));
    assert.equal(await read(note), before);
  });

  it('says a missing file is not found', async () => {
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(pack('/notes/no-such-note.md'))), (e: Error) => (e as vscode.FileSystemError).code === 'FileNotFound' || /not ?found/i.test(e.message));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(pack('/exercises/../../etc/passwd'))), (e: Error) => (e as vscode.FileSystemError).code === 'FileNotFound' || /not ?found/i.test(e.message));
  });
});
