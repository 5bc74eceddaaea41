import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotesPanel, RoadmapTree, useWorkbench } from './pages';

const THEMES: Array<[string, string, string]> = [
  ['Default Dark Modern', 'vscode-dark', 'theme-dark'],
  ['Default High Contrast', 'vscode-high-contrast', 'theme-high-contrast'],
  ['Default High Contrast Light', 'vscode-high-contrast-light', 'theme-high-contrast-light'],
];

describe('Themes', () => {
  // One window for every theme: the panel must follow a switch, as it does for a learner.
  const workbench = useWorkbench();

  for (const [theme, bodyClass, shot] of THEMES) {
    it(`the notes panel follows ${theme}`, async () => {
      const wb = workbench();
      await wb.setTheme(theme);
      await new RoadmapTree(wb).open();
      const notes = await NotesPanel.open(wb, 'The attention mechanism', 'The attention mechanism: queries, keys and values');
      await notes.frame.waitForFunction((c) => document.body.classList.contains(c), bodyClass, { timeout: 60_000 });
      assert.match(await notes.bodyClasses(), new RegExp(`\\b${bodyClass}\\b`));
      // Text and background come from the theme, so they differ whatever the theme.
      const [fg, bg] = await notes.colours();
      assert.notEqual(fg, bg);
      await wb.screenshot(shot);
    });
  }
});
