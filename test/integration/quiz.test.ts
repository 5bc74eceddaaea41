import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AiRoadmapApi } from '../../src/extension/extension';
import { activateExtension, workspaceUri } from './support/extension';
import { waitFor } from './support/waitFor';

describe('Quizzes and spaced review in real VS Code', () => {
  let api: AiRoadmapApi;
  const ROADMAP = 'quizzed';
  const dir = () => vscode.Uri.joinPath(workspaceUri(), 'quiz-roadmap');
  const review = () => api.progress.get(ROADMAP)?.review;
  const answer = (key: string, response: unknown, source?: 'quiz' | 'review') => vscode.commands.executeCommand<{ ok: boolean; correct?: boolean; message?: string }>('aiRoadmap.answerQuizItem', key, response, source);

  before(async () => {
    api = await activateExtension();
    const ext = vscode.extensions.getExtension('ai-roadmap.ai-roadmap')!;
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'roadmaps', 'quiz'), dir().fsPath, { recursive: true });
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.openRoadmapFile', vscode.Uri.joinPath(dir(), 'roadmap.yaml')), ROADMAP);
    await api.roadmapTree.getChildren();
    // A clean slate for this roadmap's cards.
    await api.progress.updateReview(ROADMAP, () => ({ cards: {}, log: [] }));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('aiRoadmap.useBuiltInRoadmap');
  });

  it('answering through the command grades in the extension and schedules a card', async () => {
    const right = await answer('vectors/length-of-3-4', { kind: 'numeric', text: '5.00' });
    assert.deepEqual(right, { ok: true, correct: true, grade: 'good' });
    const card = review()?.cards['vectors/length-of-3-4'];
    assert.ok(card, 'a card keyed "<topic-id>/<item-id>"');
    assert.equal(card.reps, 1);
    assert.equal(card.lastCorrect, true);
    assert.ok(Date.parse(card.due) > Date.now(), 'due later');
    const unreadable = await answer('vectors/length-of-3-4', { kind: 'numeric', text: 'five' });
    assert.equal(unreadable?.ok, false, 'a response that is not a number is not graded');
    assert.equal(review()?.cards['vectors/length-of-3-4'].reps, 1, 'and schedules nothing');
    assert.equal((await answer('vectors/no-such-item', { kind: 'numeric', text: '1' }))?.ok, false);
  });

  it('a wrong answer is due again today: the counts show on the topic, its layer and the status bar', async () => {
    assert.deepEqual(await answer('vectors/addition', { kind: 'single', choice: 1 }), { ok: true, correct: false, grade: 'again' });
    const index = await api.roadmaps.current();
    const row = () => api.roadmapTree.getTreeItem('topic:vectors');
    await waitFor(() => /1 to review/.test(String(row().description)), 'the topic row to count the due card').catch((e: Error) => {
      throw new Error(`${e.message} Row: ${JSON.stringify({ d: row().description, t: row().tooltip })}; quiz ${JSON.stringify(index.topic('vectors')?.quiz?.ids)}; cards ${JSON.stringify(review())}; now ${new Date().toString()}`);
    });
    assert.match(String(api.roadmapTree.getTreeItem('layer:basics').description), /· 1 to review$/);
    await waitFor(() => api.reviewStatusBar.text === '$(mortar-board) 1 to review', 'the status bar to say "1 to review"');
    assert.match(String(api.roadmapTree.getTreeItem('topic:vectors').tooltip), /Quizzed: not yet \(1 of 5 right/);
  });

  it('the review session takes the due card and a right answer clears it', async () => {
    const posted = new Promise<void>((resolve) => {
      const sub = api.quizPanel.onDidPost((type) => {
        if (type === 'question') {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('aiRoadmap.review');
    await posted;
    assert.equal(api.quizPanel.currentKey, 'vectors/addition');
    await answer('vectors/addition', { kind: 'single', choice: 0 });
    const card = review()!.cards['vectors/addition'];
    assert.equal(card.lastCorrect, true);
    await waitFor(() => api.reviewStatusBar.text === '', 'the status bar item to go when nothing is due');
  });

  it('mastery: four of five right makes the topic quizzed, and done never makes it verified', async () => {
    await answer('vectors/which-are-vectors', { kind: 'multiple', choices: [0, 1] });
    await answer('vectors/name-of-length', { kind: 'short', text: '  Euclidean  NORM.' });
    await vscode.commands.executeCommand('aiRoadmap.markDone', 'vectors');
    const tooltip = await waitFor(() => {
      const t = String(api.roadmapTree.getTreeItem('topic:vectors').tooltip);
      return /Quizzed: yes/.test(t) ? t : undefined;
    }, 'the tooltip to say quizzed');
    assert.match(tooltip, /✓ Read: yes/);
    assert.match(tooltip, /○ Verified: not yet \(exercises passing their tests: 0 of 1\)/);
  });

  it('review data survives export and import', async () => {
    const file = vscode.Uri.joinPath(workspaceUri(), 'quiz-progress.json');
    await vscode.commands.executeCommand('aiRoadmap.exportProgress', file);
    const before = JSON.stringify(review());
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.ok(exported.roadmaps[ROADMAP].review.cards['vectors/addition'], 'the file holds the cards');
    await api.progress.updateReview(ROADMAP, () => ({ cards: {}, log: [] }));
    assert.equal(Object.keys(review()!.cards).length, 0);
    assert.equal(await vscode.commands.executeCommand('aiRoadmap.importProgress', file, 'merge'), true);
    assert.equal(JSON.stringify(review()), before, 'every card and answer is back');
  });

  it('an item whose text changes keeps its card', async () => {
    const quizFile = vscode.Uri.joinPath(dir(), 'notes', 'basics', 'vectors.quiz.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(quizFile));
    await vscode.workspace.fs.writeFile(quizFile, new TextEncoder().encode(text.replace('What is the length of the vector $(3, 4)$?', 'How long is the vector $(3, 4)$?')));
    await api.roadmaps.reload();
    const found = await waitFor(async () => {
      const item = await api.quizzes.item('vectors/length-of-3-4');
      return item?.item.question.startsWith('How long') && item;
    }, 'the changed question');
    assert.ok(found);
    assert.equal(review()!.cards['vectors/length-of-3-4'].lastCorrect, true, 'the card is the same');
  });

  it('Review Topic takes only that topic’s due cards', async () => {
    // A miss in each of two topics: both due today.
    assert.equal((await answer('vectors/addition', { kind: 'single', choice: 1 }))?.correct, false);
    assert.equal((await answer('matrices/rank-bound', { kind: 'single', choice: 2 }))?.correct, false);
    assert.deepEqual((await api.quizzes.sessionKeys()).sort(), ['matrices/rank-bound', 'vectors/addition']);
    const question = () =>
      new Promise<void>((resolve) => {
        const sub = api.quizPanel.onDidPost((type) => {
          if (type === 'question') {
            sub.dispose();
            resolve();
          }
        });
      });
    let posted = question();
    await vscode.commands.executeCommand('aiRoadmap.reviewTopic', 'matrices');
    await posted;
    assert.equal(api.quizPanel.currentKey, 'matrices/rank-bound');
    assert.equal((await answer('matrices/rank-bound', { kind: 'single', choice: 1 }, 'review'))?.correct, true);
    assert.deepEqual(await api.quizzes.sessionKeys('matrices'), [], 'nothing of the topic is left');
    assert.deepEqual(await api.quizzes.sessionKeys(), ['vectors/addition'], 'the other topic’s card waits for its own review');
    posted = question();
    await vscode.commands.executeCommand('aiRoadmap.reviewTopic', 'topic:vectors');
    await posted;
    assert.equal(api.quizPanel.currentKey, 'vectors/addition');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Reset Progress deletes the roadmap’s review cards and quiz answers: no due count, no quizzed, other roadmaps keep theirs', async () => {
    const other = { cards: { 'a/b': { ...review()!.cards['vectors/length-of-3-4'] } }, log: [] };
    await api.progress.updateReview('another-roadmap', () => other);
    assert.equal((await answer('vectors/addition', { kind: 'single', choice: 1 }))?.correct, false);
    await waitFor(() => api.reviewStatusBar.text === '$(mortar-board) 1 to review', 'the status bar to say "1 to review"');
    await api.progress.reset(ROADMAP);
    assert.equal(review(), undefined, 'no card and no answer is left');
    assert.equal(JSON.stringify(api.progress.get('another-roadmap')?.review), JSON.stringify(other), 'another roadmap keeps its cards');
    await waitFor(() => api.reviewStatusBar.text === '', 'the status bar item to go');
    await waitFor(() => !/to review/.test(String(api.roadmapTree.getTreeItem('topic:vectors').description)), 'the topic row to drop its due count');
    assert.match(String(api.roadmapTree.getTreeItem('topic:vectors').tooltip), /Quizzed: not yet/);
    assert.deepEqual(await api.quizzes.sessionKeys(), [], 'the review session has nothing to ask');
    await api.progress.updateReview('another-roadmap', () => ({ cards: {}, log: [] }));
  });
});
