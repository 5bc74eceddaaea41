import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../unit/support/paths';
import { TestExplorer, useWorkbench } from './pages';

const EXERCISE = 'Logistic regression from scratch with NumPy';

describe('Exercises in the Test Explorer of real VS Code', () => {
  const workbench = useWorkbench({
    settings: { 'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3' },
    copy: { 'exercises/logistic-regression-numpy': join(repoRoot, 'roadmap', 'exercises', 'logistic-regression-numpy', 'template') },
  });

  it('shows the tree of one exercise, runs one test from its Run button, and shows the failure inline at its line', async () => {
    const wb = workbench();
    const explorer = new TestExplorer(wb);
    await explorer.open();
    // Expand exercise → test file → tests, as a learner would.
    for (const label of [EXERCISE, 'test_logistic_regression.py']) await explorer.expand(label);
    await explorer.row('test_sigmoid_symmetry').waitFor({ timeout: 60_000 });
    // The learner's file is open, as while they work on it; the failure is raised there.
    await wb.runCommandAndPick('Go to File...', 'logistic_regression.py');
    await wb.editorTab('logistic_regression.py').waitFor({ timeout: 60_000 });
    await explorer.run('test_sigmoid_symmetry');
    await explorer.waitFailed('test_sigmoid_symmetry');
    // The failure's line (where the starter raises) in view: the message shows there, in the editor.
    await wb.goToLine(67);
    await explorer.inlineFailure('NotImplementedError: TODO: sigmoid').waitFor({ timeout: 60_000 });
    await wb.editorLine('raise NotImplementedError("TODO: sigmoid")').waitFor();
    await wb.screenshot('test-explorer-inline-failure');
  });
});
