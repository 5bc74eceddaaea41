import * as assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { NotesPanel, RoadmapTree, Workbench } from './pages';

describe('Pictures in notes, in real VS Code', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({
      copy: { course: join(repoRoot, 'test', 'fixtures', 'pictures-roadmap') },
      workspaceSettings: { 'aiRoadmap.roadmapFile': 'course/roadmap.yaml' },
    });
    // A picture outside the roadmap folder, and a link to it from inside.
    writeFileSync(join(wb.workspace, 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>');
    symlinkSync(join(wb.workspace, 'outside.svg'), join(wb.workspace, 'course', 'notes', 'figures', 'link-out.svg'));
  });
  after(async () => {
    await wb?.close();
  });

  it('shows pictures from the roadmap folder through the webview, and a web picture as its address', async () => {
    const notes = await NotesPanel.openFromTree(wb, new RoadmapTree(wb), /^1\. Drawing/, 'Gradient descent, drawn', 'Gradient descent, drawn');
    const shown = await notes.loadedPictures(3);
    assert.deepEqual(
      shown.map((p) => p.alt),
      ['Steps of gradient descent down a bowl', 'A copy with an unusual name', 'A red square'],
    );
    for (const p of shown) {
      assert.match(p.src, /^https:\/\/[^/]*vscode-resource[^/]*\//, `loaded through the webview's resource URI: ${p.src}`);
      assert.ok(p.width > 0, `${p.alt} is drawn`);
    }
    assert.deepEqual(await notes.webPictureLinks(), ['https://example.org/logo.png']);
    assert.equal(await notes.dangerousElements().count(), 0);
    await notes.scrollToFirstPicture();
    await wb.screenshot('notes-pictures');
  });

  it('refuses pictures outside the folder, links out, scripts and other files, each with a sentence', async () => {
    const notes = await NotesPanel.openFromTree(wb, new RoadmapTree(wb), /^1\. Drawing/, 'Pictures not shown', 'Pictures not shown');
    const refused = await notes.refusedPictures();
    assert.equal(refused.length, 4, refused.join('\n'));
    assert.match(refused[0], /^Picture “Out of the folder” not shown\. .*leads outside the roadmap folder/);
    assert.match(refused[1], /^Picture “Through a link out” not shown\. .*is a link that leads outside the roadmap folder/);
    assert.match(refused[2], /^Picture “A script” not shown\. .*neither a web address nor a file/);
    assert.match(refused[3], /^Picture “Not a picture” not shown\. .*is not a picture/);
    assert.equal(await notes.pictures().count(), 0);
  });

  it('shows the picture of a built-in note, served from the content pack', async () => {
    await wb.runCommand('AI Roadmap: Use Built-in Roadmap');
    const title = 'Optimization: gradient descent, convex vs non-convex';
    const notes = await NotesPanel.openFromTree(wb, new RoadmapTree(wb), /^1\. Mathematical/, title, title);
    const [valley] = await notes.loadedPictures(1);
    assert.match(valley.alt, /^Gradient descent on \(x² \+ 10y²\)\/2/);
    assert.match(valley.src, /^https:\/\/ai-roadmap\+[^/]*vscode-resource[^/]*\/notes\/foundations\/images\/ill-conditioned-valley\.svg$/);
    await notes.scrollToFirstPicture();
    await wb.screenshot('notes-built-in-picture');
  });
});
