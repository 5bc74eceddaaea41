import * as vscode from 'vscode';
import type { QuizResponse } from '../../core/quiz/grading';
import { unitsOf } from '../../core/topicUnits';
import { whereIs } from '../../core/views/topicPicks';
import { notesIdOf, stringOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Take Quiz, Review, Review Topic, and answering an item (for tests and keyboard macros). */
export function quizHandlers({ roadmaps, quizPanel, quizzes, notes }: Services): Pick<CommandHandlers, 'openQuiz' | 'review' | 'reviewTopic' | 'answerQuizItem'> {
  /** The topic given (a topic row or id), else the one in the notes panel, else a pick of topics with a quiz. */
  const topicOf = async (target: unknown, placeHolder: string): Promise<string | undefined> => {
    const index = await roadmaps.current();
    const given = notesIdOf(target) ?? (target === undefined ? notes.currentId : undefined);
    if (given && index.topic(given)) return given;
    const layer = given ? index.layer(given) : undefined;
    const topics = (layer ? unitsOf(layer) : index.topicOrder).filter((t) => t.quiz?.ids.length);
    if (topics.length === 0) {
      void vscode.window.showInformationMessage(layer ? `No topic of "${layer.title}" has a quiz yet.` : 'No topic of this roadmap has a quiz yet.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      topics.map((t) => ({ label: t.title, description: `${t.quiz!.ids.length} questions · ${whereIs(index, t.id)}`, id: t.id })),
      { placeHolder, matchOnDescription: true },
    );
    return picked?.id;
  };
  return {
    openQuiz: async (target) => {
      const id = await topicOf(target, 'Take the quiz of which topic?');
      if (id) await quizPanel.open('quiz', id);
    },
    review: () => quizPanel.open('review'),
    reviewTopic: async (target) => {
      const id = await topicOf(target, 'Review which topic?');
      if (id) await quizPanel.open('review', id);
    },
    answerQuizItem: async (key, response, source) => {
      const k = stringOf(key);
      if (!k || !response || typeof response !== 'object') return { ok: false, message: 'Give a card key ("<topic-id>/<item-id>") and a response.' };
      return quizzes.answer(k, response as QuizResponse, source === 'review' ? 'review' : 'quiz');
    },
  };
}
