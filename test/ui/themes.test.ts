import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notesFrame, RoadmapTree, Workbench } from './support/workbench';

const THEMES: Array<[string, string, string]> = [
  ['Default Dark Modern', 'vscode-dark', 'theme-dark'],
  ['Default High Contrast', 'vscode-high-contrast', 'theme-high-contrast'],
  ['Default High Contrast Light', 'vscode-high-contrast-light', 'theme-high-contrast-light'],
];

describe('Themes', () => {
  for (const [theme, bodyClass, shot] of THEMES) {
    it(`the notes panel follows ${theme}`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await new RoadmapTree(wb).open();
        await wb.runCommand('AI Roadmap: Open Notes');
        await wb.pickQuickItem('The attention mechanism');
        const frame = await notesFrame(wb.page, 'The attention mechanism: queries, keys and values');
        const classes = await frame.evaluate(() => document.body.className);
        assert.match(classes, new RegExp(`\\b${bodyClass}\\b`));
        // Text and background come from the theme, so they differ whatever the theme.
        const [fg, bg] = await frame.evaluate(() => {
          const s = getComputedStyle(document.body);
          return [s.color, s.backgroundColor];
        });
        assert.notEqual(fg, bg);
        await wb.screenshot(shot);
      } finally {
        await wb.close();
      }
    });
  }
});
