import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotesPanel, RoadmapTree, useWorkbench, Walkthrough } from './pages';

describe('The walkthrough', () => {
  const workbench = useWorkbench({
    settings: {
      'aiRoadmap.pythonPath': process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3',
      // A selected step takes the focus after its 250 ms slide; a quick pick its button opened in
      // between closed on that focus (3 of 3 presses here). Without the slide the focus comes first.
      'workbench.welcomePage.preferReducedMotion': true,
    },
  });

  it('walks every step, each completing on what the learner does', async () => {
    const wb = workbench();
    const walk = new Walkthrough(wb);
    await walk.open();
    assert.equal(await walk.steps().count(), 8);

    await walk.press('openRoadmap');
    await new RoadmapTree(wb).rows().first().waitFor({ timeout: 90_000 });
    await walk.waitDone('openRoadmap');

    await walk.press('readTopic');
    await NotesPanel.find(wb, 'Linear algebra: vectors, matrices, eigendecomposition', 90_000);
    await walk.waitDone('readTopic');

    await walk.press('tickTopic');
    await walk.waitDone('tickTopic');

    await walk.press('checkEnvironment');
    await walk.waitDone('checkEnvironment');

    await walk.pressAndPick('scaffoldExercise', 'Logistic regression from scratch');
    // Scaffolding opens the main file and the README preview; both must be open before the next
    // quick pick, which an editor opening later would close by taking the focus.
    await wb.editorTab('logistic_regression.py').waitFor({ timeout: 90_000 });
    await wb.editorTab('Preview README.md').waitFor({ timeout: 90_000 });
    await walk.waitDone('scaffoldExercise');

    await walk.pressAndPick('checkExercise', 'Logistic regression from scratch');
    await walk.waitDone('checkExercise');

    // Plan your year: Enter keeps today, 10 h a week and Monday to Friday.
    await walk.press('planYear');
    // Pressing is not planning: the step completes only once the plan exists.
    await wb.quickPick.waitOpen(90_000);
    assert.equal(await walk.isDone('planYear'), false);
    for (const prompt of ['start date', 'pace', 'study days']) await wb.quickPick.answer(prompt);
    await walk.waitDone('planYear');

    // Opening the dashboard again is harmless: a press lost to the redraw after the plan is pressed again.
    await walk.pressUntilDone('openDashboard');
    await wb.screenshot('walkthrough');
  });
});
