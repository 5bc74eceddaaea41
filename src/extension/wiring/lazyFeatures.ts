// Activation registers every command, view and panel serializer but builds the features behind
// them on first use: the first command, a restored panel, or a test reading the API.
import * as vscode from 'vscode';
import { PANELS } from '../base/viewIds';
import type { Core, Features } from './features';

export interface LazyFeatures {
  /** The features, built (and their module evaluated) on the first call. */
  get(): Features;
  /** The features if something has asked for them already. */
  ifBuilt(): Features | undefined;
}

export function lazyFeatures(core: Core): LazyFeatures {
  let built: Features | undefined;
  return {
    // A require, not an import: the bundler keeps the module and its imports unevaluated until here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    get: () => (built ??= (require('./features') as typeof import('./features')).createFeatures(core)),
    ifBuilt: () => built,
  };
}

/** Restores each kind of panel after a reload; VS Code needs the serializers at activation, the panels come later. */
export function registerPanelSerializers(features: LazyFeatures): vscode.Disposable {
  const panel = { [PANELS.notes]: () => features.get().notes, [PANELS.dashboard]: () => features.get().dashboard, [PANELS.quiz]: () => features.get().quizPanel, [PANELS.map]: () => features.get().map };
  return vscode.Disposable.from(
    ...Object.entries(panel).map(([viewType, of]) => vscode.window.registerWebviewPanelSerializer(viewType, { deserializeWebviewPanel: (p, state: unknown) => of().deserializeWebviewPanel(p, state) })),
  );
}
