import type * as vscode from 'vscode';
import type { CheckResult } from '../exercises/checkExercise';
import type { EnvironmentCheck } from '../exercises/checkEnvironment';
import type { ScaffoldOptions } from '../exercises/scaffoldExercise';
import type { PaperStatus } from '../../core/papers/paperModel';
import type { SnippetRun } from '../../core/snippets/snippetRun';
import type { NoteFileOptions } from '../panels/noteCode';
import type { AddPaperOptions, PaperTarget } from '../papers/paperActions';
import type { PlanArgs } from '../plan/planActions';
import type { Grading, QuizResponse } from '../../core/quiz/grading';

/**
 * Every command AI Roadmap contributes, with the arguments it takes and what it returns: the one
 * place their ids are spelled. package.json must list exactly these (the manifest test checks
 * both ways), and registerCommands needs a handler for each (the compiler checks).
 *
 * A `Target` is what a tree row passes (its element, "topic:x", "exercise:x:topic", …) or a
 * plain id from tests, links and other panels; commandArgs.ts reads it, once, at the boundary.
 */
export type Target = string;

interface CommandSpec<Args extends unknown[], Result> {
  /** Types only: the table's values carry no data. */
  readonly args?: Args;
  readonly result?: Result;
}

const command = <Args extends unknown[] = [], Result = void>(): CommandSpec<Args, Result> => ({});

export const COMMANDS = {
  openNotes: command<[target?: Target]>(),
  openDashboard: command(),
  markDone: command<[clicked?: Target, selected?: Target[]]>(),
  markInProgress: command<[clicked?: Target, selected?: Target[]]>(),
  markSkipped: command<[clicked?: Target, selected?: Target[]]>(),
  markNotStarted: command<[clicked?: Target, selected?: Target[]]>(),
  goToTopic: command<[query?: string], string | undefined>(),
  showNextTopics: command<[options?: { pick?: false }], string[]>(),
  openNextTopic: command(),
  hideCompleted: command(),
  showCompleted: command(),
  collapseAll: command(),
  resetProgress: command(),
  exportProgress: command<[file?: vscode.Uri]>(),
  importProgress: command<[file?: vscode.Uri, mode?: 'merge' | 'replace'], boolean | undefined>(),
  openResource: command<[element?: Target]>(),
  reloadRoadmap: command<[], string>(),
  scaffoldExercise: command<[target?: Target, options?: ScaffoldOptions], vscode.Uri | undefined>(),
  checkExercise: command<[target?: Target, folder?: vscode.Uri], CheckResult>(),
  showHint: command<[target?: Target], number | undefined>(),
  showSolution: command<[target?: Target, confirmed?: boolean], vscode.Uri | undefined>(),
  checkEnvironment: command<[], EnvironmentCheck>(),
  openRoadmapFile: command<[file?: vscode.Uri], string | undefined>(),
  useBuiltInRoadmap: command<[], string>(),
  /** Given a folder (a URI or a path in the workspace), they ask nothing; they return the new roadmap.yaml, the sentence that refused, or undefined when cancelled. */
  newRoadmap: command<[folder?: vscode.Uri | string], vscode.Uri | string | undefined>(),
  importOutline: command<[outline?: vscode.Uri, folder?: vscode.Uri | string], vscode.Uri | string | undefined>(),
  watchExercise: command<[target?: Target | vscode.TestItem], string | undefined>(),
  stopWatchingExercise: command<[target?: Target | vscode.TestItem], string | undefined>(),
  'papers.add': command<[input?: string, options?: AddPaperOptions], string | undefined>(),
  'papers.fetchMetadata': command<[paper?: PaperTarget], boolean>(),
  'papers.setStatus': command<[paper?: PaperTarget, status?: PaperStatus]>(),
  'papers.nextPass': command<[paper?: PaperTarget]>(),
  'papers.openNote': command<[paper?: PaperTarget], vscode.TextEditor | undefined>(),
  'papers.editTags': command<[paper?: PaperTarget, tags?: string]>(),
  'papers.linkTopics': command<[paper?: PaperTarget, topicIds?: string[]]>(),
  'papers.openPaper': command<[paper?: PaperTarget]>(),
  'papers.remove': command<[paper?: PaperTarget, confirmed?: boolean]>(),
  'papers.checkHabit': command<[item: 'feed' | 'labs', done?: boolean]>(),
  'papers.exportBibtex': command<[file?: vscode.Uri]>(),
  'papers.exportReadingLog': command<[file?: vscode.Uri]>(),
  'papers.importBibtex': command<[file?: vscode.Uri], { added: number; refused: string[] } | undefined>(),
  /** Given arguments, the study plan commands ask nothing and return true or the sentence that refused. */
  startStudyPlan: command<[args?: PlanArgs], true | string | undefined>(),
  changeStudyPace: command<[hoursPerWeek?: unknown], true | string | undefined>(),
  pauseStudyPlan: command<[], true | string>(),
  resumeStudyPlan: command<[], true | string>(),
  exportStudyPlanCalendar: command<[file?: vscode.Uri], true | string | undefined>(),
  openQuiz: command<[target?: Target]>(),
  review: command(),
  reviewTopic: command<[target?: Target]>(),
  /** Grades a response to the item with this card key ("<topic-id>/<item-id>") and schedules its card. */
  answerQuizItem: command<[key: string, response: QuizResponse, source?: 'quiz' | 'review'], Grading>(),
  /** A topic's notes as a Jupyter notebook in the workspace; block numbers below count from 0. */
  openNotebook: command<[target?: Target, options?: NoteFileOptions], vscode.Uri | undefined>(),
  runSnippet: command<[target?: Target, block?: number], SnippetRun | undefined>(),
  copySnippet: command<[target?: Target, block?: number, options?: NoteFileOptions], vscode.Uri | undefined>(),
  /** Opens the map, with the given topic (a row, an id) selected. */
  openMap: command<[target?: Target]>(),
  /** Given a file and a format, asks nothing and returns true or the sentence that refused. */
  exportMap: command<[file?: vscode.Uri, format?: 'svg' | 'png'], true | string | undefined>(),
};

export type CommandName = keyof typeof COMMANDS;
type Spec<N extends CommandName> = (typeof COMMANDS)[N];
export type CommandArgs<N extends CommandName> = Spec<N> extends CommandSpec<infer A, unknown> ? A : never;
export type CommandResult<N extends CommandName> = Spec<N> extends CommandSpec<unknown[], infer R> ? R : never;

/** A handler for every command. Arguments come from outside (menus, links, tests): read them with commandArgs.ts. */
export type CommandHandlers = { [N in CommandName]: (...args: CommandArgs<N>) => Promise<CommandResult<N>> | CommandResult<N> };

export const COMMAND_PREFIX = 'aiRoadmap.';

/** The id VS Code knows a command by: "aiRoadmap.<name>". */
export function commandId(name: CommandName): string {
  return `${COMMAND_PREFIX}${name}`;
}
