import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../unit/support/paths';
import { useWorkbench } from './pages';

const EXERCISE = 'Logistic regression from scratch with NumPy';

describe('Exercises in the Test Explorer of real VS Code', () => {
  const workbench = useWorkbench({
    settings: { 'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3' },
    copy: { 'exercises/logistic-regression-numpy': join(repoRoot, 'roadmap', 'exercises', 'logistic-regression-numpy', 'template') },
  });

  it('shows the tree of one exercise, runs one test from its Run button, and shows the failure inline at its line', async () => {
    const wb = workbench();
    const page = wb.page;
    await page.locator('.activitybar .action-item a[aria-label^="Testing"]').click();
    const rows = page.locator('.test-explorer .monaco-list-row');
    const row = (label: string) => rows.filter({ hasText: label }).first();
    await row(EXERCISE).waitFor({ timeout: 90_000 });
    // Expand exercise → test file → tests, as a learner would.
    for (const label of [EXERCISE, 'test_logistic_regression.py']) {
      if ((await row(label).getAttribute('aria-expanded')) !== 'true') await row(label).locator('.monaco-tl-twistie').click();
    }
    const test = row('test_sigmoid_symmetry');
    await test.waitFor({ timeout: 60_000 });
    // The learner's file is open, as while they work on it; the failure is raised there.
    await wb.runCommand('Go to File...');
    await wb.pickQuickItem('logistic_regression.py');
    await page.locator('.tabs-container .tab', { hasText: 'logistic_regression.py' }).waitFor({ timeout: 60_000 });
    await test.hover();
    await test.locator('.action-label[aria-label^="Run Test"]').click();
    // The test's row shows it failed.
    await page.locator('.test-explorer .monaco-list-row[aria-label*="test_sigmoid_symmetry"][aria-label*="Failed"]').waitFor({ timeout: 120_000 });
    // The failure's line (where the starter raises) in view: the message shows there, in the editor.
    await wb.runCommand('Go to Line/Column...');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 60_000 });
    await input.fill(':67');
    await input.press('Enter');
    const inline = page.locator('.monaco-editor .test-error-content-widget', { hasText: 'NotImplementedError: TODO: sigmoid' });
    await inline.first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'raise NotImplementedError("TODO: sigmoid")' }).waitFor();
    await wb.screenshot('test-explorer-inline-failure');
  });
});
