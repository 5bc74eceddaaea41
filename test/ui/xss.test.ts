import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { NotesPanel, RoadmapTree, Workbench } from './pages';

describe('A hostile roadmap in real VS Code', () => {
  let wb: Workbench;
  const dialogs: string[] = [];
  before(async () => {
    wb = await Workbench.open({
      copy: { hostile: join(repoRoot, 'test', 'fixtures', 'xss-roadmap') },
      settings: { 'aiRoadmap.roadmapFile': 'hostile/roadmap.yaml' },
    });
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  after(async () => {
    await wb?.close();
  });

  it('shows every payload as text and runs none of them', async () => {
    const tree = new RoadmapTree(wb);
    await tree.open();
    const [layer] = await tree.labels();
    assert.equal(layer, "1. <script>alert('layer')</script> Hostile layer", 'the tree shows markup as text');

    const notes = await NotesPanel.open(wb, 'Payloads', "Payloads <b onmouseover=alert('topic')>here</b>");
    const text = await notes.text();
    assert.ok(text.includes("<script>window.parent.postMessage('pwned'"), 'the script payload is visible as text');
    assert.ok(text.includes('<img src=x onerror='), 'the img payload is visible as text');

    // Give any payload that could run time to run, then hover and click what there is.
    await notes.heading().first().hover();
    for (const link of await notes.links().all()) await link.click({ modifiers: [] }).catch(() => undefined);
    await wb.page.waitForTimeout(1000);

    for (const f of wb.page.frames()) {
      const pwned = await f.evaluate(() => document.body?.dataset.pwned).catch(() => undefined);
      assert.equal(pwned, undefined, `a payload ran in ${f.url().slice(0, 80)}`);
    }
    assert.deepEqual(dialogs, [], 'no alert, confirm or prompt opened');
    // VS Code's own bootstrap (#_vscodeApiScript) and our nonce'd bundle are the only scripts.
    assert.equal(await notes.foreignScripts().count(), 0, 'no other script element');
    assert.equal(await notes.dangerousElements().count(), 0);
    const hrefs = await notes.links().evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(hrefs.every((h) => /^(https?:|mailto:|#)/.test(h)), `only safe links: ${hrefs.join(' ')}`);
    await wb.screenshot('xss-inert');
  });
});
