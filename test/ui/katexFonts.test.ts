// The vsix ships only some KaTeX faces (scripts/katex-assets.mjs). This renders every built-in
// note, shows the math in Chromium with the shipped stylesheet and fonts, and checks that each
// face the math is drawn in ships and loads: a note that needs a face left out fails here.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { launchBrowser } from '../../tools/host/browser';
import { repoRoot } from '../../tools/host/codeServer';

describe('KaTeX fonts in the vsix', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('every face the built-in notes use ships with the stylesheet, and loads', async () => {
    const katexDir = join(repoRoot, 'dist', 'webview', 'katex');
    const notesDir = join(repoRoot, 'roadmap', 'notes');
    const render = createNotesRenderer();
    const notes = readdirSync(notesDir, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    assert.ok(notes.length > 50, 'the built-in notes are there');
    const html = notes.map((f) => render(readFileSync(join(notesDir, f), 'utf8'))).join('\n');
    const tab = await browser.newPage();
    try {
      // The page and the shipped katex folder, served under one made-up origin (nothing leaves the machine).
      await tab.route('http://katex.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/probe.html') return route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="katex.min.css"><body>${html}</body>` });
        return route.fulfill({ path: join(katexDir, ...path.split('/').filter((s) => s && s !== '..')) });
      });
      await tab.goto('http://katex.test/probe.html');
      const result = await tab.evaluate(async () => {
        // Drawn faces: the first family, weight and style of every element with text inside math.
        const used = new Set<string>();
        for (const el of Array.from(document.querySelectorAll('.katex *'))) {
          if (!Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
          const s = getComputedStyle(el);
          const family = s.fontFamily.split(',')[0].trim().replace(/"/g, '');
          if (family.startsWith('KaTeX_')) used.add(`${family} ${s.fontWeight === '700' || s.fontWeight === 'bold' ? '700' : '400'} ${s.fontStyle}`);
        }
        await document.fonts.ready;
        const faces: Array<[string, string]> = [];
        document.fonts.forEach((f) => faces.push([`${f.family.replace(/"/g, '')} ${f.weight === 'bold' ? '700' : f.weight === 'normal' ? '400' : f.weight} ${f.style}`, f.status]));
        return { used: [...used].sort(), faces };
      });
      const faces = new Map(result.faces);
      assert.ok(result.used.length >= 5, `the notes draw math in several faces: ${result.used.join(', ')}`);
      const missing = result.used.filter((u) => !faces.has(u));
      assert.deepEqual(missing, [], `faces the notes need but the vsix leaves out: ${missing.join(', ')}`);
      const broken = result.used.filter((u) => faces.get(u) !== 'loaded');
      assert.deepEqual(broken, [], `faces that did not load: ${broken.map((u) => `${u} (${faces.get(u)})`).join(', ')}`);
    } finally {
      await tab.close();
    }
  });
});
