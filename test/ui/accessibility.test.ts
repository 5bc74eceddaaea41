// The panels in every kind of theme, and the accessibility audit: axe-core (WCAG 2.1 A and AA, and
// the best-practice rules on landmarks and headings) in every panel, once per panel per theme, in
// one window whose CSP is bypassed so axe can be injected (this suite only). Rules turned off, with
// their reasons: RULES_OFF in pages/axeAudit.ts. A new panel (review, plan) is one more row in
// PANELS.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { audit, Dashboard, describeViolations, MapView, NoteSnippets, NotesPanel, QuizPanel, RoadmapTree, useWorkbench, type Workbench } from './pages';

/** A topic whose notes have math, code, exercises with buttons, resources and prerequisites. */
const TOPIC = { pick: 'From scratch: logistic regression', heading: 'From scratch: logistic regression, softmax regression, basic backprop' };

const PANELS: Array<{ name: string; open(wb: Workbench): Promise<Frame> }> = [
  { name: 'notes panel (math, code, exercises)', open: async (wb) => (await NotesPanel.open(wb, TOPIC.pick, TOPIC.heading)).frame },
  {
    // The notes with the output of a run under the Python block (run once; the panel keeps it).
    name: 'notes panel with a run output',
    open: async (wb) => {
      const snippets = new NoteSnippets((await NotesPanel.open(wb, TOPIC.pick, TOPIC.heading)).frame);
      if (!/^Done/.test(((await snippets.summary(0).textContent().catch(() => '')) ?? '').trim())) {
        await snippets.run(0);
        await snippets.waitEnded(0, 'Done', 180_000);
      }
      await snippets.log(0).scrollIntoViewIfNeeded();
      return snippets.frame;
    },
  },
  {
    // The quiz with its feedback shown: an explain item's model answer, self-graded "Again", so the
    // verdict, the answer, the explanation and "Show the section" are all on the page.
    name: 'quiz panel with feedback',
    open: async (wb) => {
      // Take Quiz with no notes panel open asks which topic (with one open, it takes that topic's).
      await wb.runCommand('View: Close All Editors');
      const quiz = await QuizPanel.take(wb, TOPIC.pick);
      await quiz.type('The loss over p, then the chain rule.');
      await quiz.press('Control+Enter');
      await quiz.waitModelAnswer();
      await quiz.press('1');
      assert.equal((await quiz.waitVerdict()).correct, false);
      await quiz.showSectionButton().waitFor({ timeout: 60_000 });
      return quiz.frame;
    },
  },
  { name: 'dashboard', open: async (wb) => (await Dashboard.open(wb)).frame },
  { name: 'map', open: async (wb) => (await MapView.open(wb)).frame },
];

/** Theme, the class VS Code gives the webview's body, the screenshot's name. */
const THEMES: Array<[string, string, string]> = [
  ['Default Light Modern', 'vscode-light', 'theme-light'],
  ['Default Dark Modern', 'vscode-dark', 'theme-dark'],
  ['Default High Contrast', 'vscode-high-contrast', 'theme-high-contrast'],
  ['Default High Contrast Light', 'vscode-high-contrast-light', 'theme-high-contrast-light'],
];

describe('Accessibility audit of the webviews (axe-core, WCAG 2.1 AA)', () => {
  const workbench = useWorkbench({ bypassCsp: true, settings: { 'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3' } });
  // Every audit runs as for a learner who asked the system for less motion: nothing may move.
  before(async () => {
    await workbench().page.emulateMedia({ reducedMotion: 'reduce' });
    await new RoadmapTree(workbench()).open(); // the screenshots show the tree beside the panel
  });

  for (const [theme, bodyClass, shot] of THEMES) {
    it(`${theme}: the panels follow it, with no serious or critical violation`, async (t) => {
      const wb = workbench();
      await wb.setTheme(theme);
      // The last theme's panels (the map last) are closed first: the first quick pick of this theme
      // then opens over an empty editor area, not over webviews that are still taking the new theme.
      await wb.runCommand('View: Close All Editors');
      const found: string[] = [];
      for (const panel of PANELS) {
        const frame = await panel.open(wb);
        // The theme reaches the page: its class on the body, and text and background that differ.
        await frame.waitForFunction((c) => document.body.classList.contains(c), bodyClass, { timeout: 60_000 });
        const [fg, bg] = await frame.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
        assert.notEqual(fg, bg, `${panel.name}: text and background differ`);
        if (panel === PANELS[0]) await wb.screenshot(shot);
        const motion = await frame.evaluate(() => ({ reduce: matchMedia('(prefers-reduced-motion: reduce)').matches, running: document.getAnimations().length }));
        assert.deepEqual(motion, { reduce: true, running: 0 }, `${panel.name}: prefers-reduced-motion reaches the page and nothing moves`);
        const { violations, ran } = await audit(frame);
        for (const rule of ['heading-order', 'landmark-one-main', 'page-has-heading-one', 'region']) assert.ok(ran.includes(rule), `${panel.name}: axe ran ${rule}`);
        if (violations.length) t.diagnostic(describeViolations(`${theme}, ${panel.name}`, violations));
        const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        if (blocking.length) found.push(describeViolations(`${theme}, ${panel.name}`, blocking));
      }
      assert.equal(found.length, 0, found.join('\n'));
    });
  }

  it('at 200% zoom the notes panel reflows: only code and wide math scroll, each in its own box', async () => {
    const wb = workbench();
    // The panels audited before (the map last) are closed, so the quick pick opens over no webview.
    await wb.runCommand('View: Close All Editors');
    const notes = await NotesPanel.open(wb, TOPIC.pick, TOPIC.heading);
    // 200% zoom of the 1280 x 800 window: the same page laid out in half the CSS pixels.
    await wb.page.setViewportSize({ width: 640, height: 400 });
    try {
      await notes.frame.waitForFunction(() => window.innerWidth < 600, undefined, { timeout: 60_000 });
      assert.equal(await notes.scrollsSideways(), false, 'the page itself does not scroll sideways');
      const wide = await notes.frame.evaluate(() =>
        Array.from(document.querySelectorAll('#root *'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => !e.closest('pre, .katex-display, .katex-mathml, .visually-hidden'))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      );
      assert.deepEqual(wide, [], 'nothing but code and display math (each its own scroll box) reaches past the right edge');
    } finally {
      await wb.page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
