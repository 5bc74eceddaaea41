import * as vscode from 'vscode';
import type { PytestReport, SourceLocation, TestOutcome } from '../../core/exercises/pytestReport';
import type { ExerciseTestTree } from './exerciseTestTree';

type State = 'passed' | 'failed' | 'errored' | 'skipped';
const WORSE: Record<State, number> = { skipped: 0, passed: 1, failed: 2, errored: 3 };

/**
 * Puts one pytest report into a test run: each result on its item (the parameters of one test
 * fold into it, the worst outcome wins), failures with their message, expected/actual diff and
 * the line to show them at; a broken run as an error on the exercise.
 */
export function publishResults(tree: ExerciseTestTree, run: vscode.TestRun, exerciseId: string, folder: vscode.Uri, exercise: vscode.TestItem, report: PytestReport): void {
  const results = new Map<vscode.TestItem, { state: State; messages: vscode.TestMessage[]; ms: number }>();
  for (const t of report.tests) {
    const item = tree.itemFor(exerciseId, t.id, t.definedAt);
    if (!item) continue;
    const state: State = t.outcome === 'error' ? 'errored' : t.outcome;
    const prev = results.get(item) ?? { state, messages: [], ms: 0 };
    if (WORSE[state] > WORSE[prev.state]) prev.state = state;
    if (t.outcome === 'failed' || t.outcome === 'error') prev.messages.push(messageFor(t, folder));
    prev.ms += (t.seconds ?? 0) * 1000;
    results.set(item, prev);
  }
  for (const [item, r] of results) {
    if (r.state === 'passed') run.passed(item, r.ms);
    else if (r.state === 'skipped') run.skipped(item);
    else if (r.state === 'failed') run.failed(item, r.messages, r.ms);
    else run.errored(item, r.messages, r.ms);
  }
  if (report.broken && !results.size) run.errored(exercise, new vscode.TestMessage(`pytest could not run the tests: ${report.problem ?? 'see the output'}.`));
}

function messageFor(t: TestOutcome, folder: vscode.Uri): vscode.TestMessage {
  const text = t.details ? `${t.message ?? ''}\n\n${t.details}` : (t.message ?? t.outcome);
  const message = t.expected !== undefined && t.actual !== undefined ? vscode.TestMessage.diff(text, t.expected, t.actual) : new vscode.TestMessage(text);
  const at = t.location ?? t.definedAt;
  if (at) message.location = locationOf(folder, at);
  return message;
}

function locationOf(folder: vscode.Uri, at: SourceLocation): vscode.Location {
  return new vscode.Location(vscode.Uri.joinPath(folder, ...at.file.split('/')), new vscode.Position(at.line - 1, 0));
}
