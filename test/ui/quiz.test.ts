import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { Dashboard, NotesPanel, QuizPanel, useWorkbench } from './pages';

describe('A quiz and a review session in real VS Code, by keyboard', () => {
  const workbench = useWorkbench({
    copy: { 'quiz-roadmap': join(repoRoot, 'test', 'fixtures', 'roadmaps', 'quiz') },
    settings: { 'aiRoadmap.roadmapFile': 'quiz-roadmap/roadmap.yaml' },
    // The missed item falls due 10 minutes later, which after 23:50 is tomorrow: no review today.
    midday: true,
  });

  it('answers every kind by keyboard, sees each verdict with its explanation, then reviews the one missed', async () => {
    const wb = workbench();
    const quiz = await QuizPanel.take(wb, 'Vectors');
    assert.doesNotMatch(await quiz.html(), /Euclidean|entry by entry/, 'no explanation reaches the page before an answer');

    // 1. numeric: the input has the focus; type, Enter.
    await quiz.type('5');
    await quiz.press('Enter');
    assert.deepEqual(await quiz.waitVerdict(), { correct: true, text: '✓Right' });
    assert.match((await quiz.explanation().textContent()) ?? '', /25/);
    await wb.screenshot('quiz-feedback', { docs: true });
    await quiz.press('Enter');

    // 2. single: a number key picks, Enter submits; a wrong answer offers the section.
    await quiz.waitQuestion(2);
    await quiz.press('3', 'Enter');
    const wrong = await quiz.waitVerdict();
    assert.equal(wrong.correct, false);
    assert.match(wrong.text, /Not right/);
    assert.equal(await quiz.showSectionButton().textContent(), 'Show the section');
    await quiz.press('Enter');

    // 3. multiple: number keys toggle.
    await quiz.waitQuestion(3);
    await quiz.press('1', '2', 'Enter');
    assert.equal((await quiz.waitVerdict()).correct, true);
    await quiz.press('Enter');

    // 4. short: normalised, or the pattern.
    await quiz.waitQuestion(4);
    await quiz.type('L2 Norm.');
    await quiz.press('Enter');
    assert.equal((await quiz.waitVerdict()).correct, true);
    await quiz.press('Enter');

    // 5. explain: write, Ctrl+Enter for the model answer, 3 grades "good".
    await quiz.waitQuestion(5);
    await quiz.type('Because coordinates add.');
    await quiz.press('Control+Enter');
    await quiz.waitModelAnswer();
    await quiz.press('3');
    assert.equal((await quiz.waitVerdict()).correct, true);
    await quiz.press('Enter');
    assert.equal(await quiz.waitScore(), '4 of 5 right.');
    await wb.screenshot('quiz-summary', { docs: true });

    // The missed item is due again today: the review session asks it, and finishes.
    await wb.runCommandByKeyboard('AI Roadmap: Review');
    const review = await QuizPanel.find(wb, /^Review · Vectors · question 1 of 1$/);
    await review.press('1');
    await wb.screenshot('review-session', { docs: true });
    await review.press('Enter');
    assert.equal((await review.waitVerdict()).correct, true);
    await review.press('Enter');
    assert.equal(await review.waitScore(), '1 of 1 right.');

    // The notes header: the three facts in words, each with its mark, done never claiming verified.
    const notes = await NotesPanel.open(wb, 'Vectors', 'Vectors');
    await notes.setStatus('done');
    await notes.frame.waitForFunction(() => /^✓ Read: yes/.test(document.querySelector('.mastery-row [data-fact="read"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    assert.deepEqual(await notes.mastery(), ['✓ Read: yes (marked done)', '✓ Quizzed: yes (5 of 5 right at the last answer; 80% needed)', '○ Verified: not yet (exercises passing their tests: 0 of 1)']);

    // The dashboard: nothing due now, six answers today, retention counts each card's first try of
    // the day (the missed one stays a miss), the 14-day forecast, and the layer quizzed.
    const dashboard = await Dashboard.open(wb);
    assert.equal(await dashboard.fact('due'), '0');
    assert.equal(await dashboard.fact('reviews'), '6');
    assert.equal(await dashboard.fact('retention'), '80% right at the first try (5 cards)');
    assert.equal(await dashboard.chartColumns('reviews-per-day').count(), 30);
    assert.equal(await dashboard.chartColumns('forecast').count(), 14);
    assert.equal(await dashboard.mastery('basics', 'quizzed'), '1/2');
    await dashboard.scrollToSection('Reviews');
    await wb.screenshot('dashboard-reviews', { docs: true });

    // Reset Progress says the cards and answers go, and after the confirmation they are gone.
    await wb.runCommandByKeyboard('AI Roadmap: Reset Progress...');
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: 'the review cards and quiz answers of this roadmap are deleted' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: 'Reset Progress' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await dashboard.frame.waitForFunction(() => document.querySelector('[data-fact="retention"]')?.textContent === 'no answers yet', undefined, { timeout: 60_000 });
    assert.equal(await dashboard.fact('reviews'), '0');
    assert.equal(await dashboard.mastery('basics', 'quizzed'), '0/2');
  });
});
