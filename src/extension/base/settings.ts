import * as vscode from 'vscode';
import { Disposable } from './lifecycle';
import { checkedSetting, SETTINGS, SETTINGS_SECTION, type SettingName, type SettingValue } from './settingsTable';

/**
 * Reads AI Roadmap's settings, typed and checked, and tells each listener when the one it cares
 * about changes: one configuration listener for the whole extension.
 */
export class Settings extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<SettingName>());
  /** Fires once per setting of ours that changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const name of Object.keys(SETTINGS) as SettingName[]) if (e.affectsConfiguration(`${SETTINGS_SECTION}.${name}`)) this.changed.fire(name);
      }),
    );
  }

  /** A resource-scoped setting (roadmapFile, pythonPath) may differ per folder: pass it as `scope`. */
  get<N extends SettingName>(name: N, scope?: vscode.Uri): SettingValue<N> {
    return checkedSetting(name, vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<unknown>(name));
  }

  /** Runs `listener` whenever `name` changes, or any of the names when given several. */
  onChange(name: SettingName | readonly SettingName[], listener: () => unknown): vscode.Disposable {
    const names: readonly SettingName[] = typeof name === 'string' ? [name] : name;
    return this.onDidChange((changed) => names.includes(changed) && listener());
  }

  /** Writes to the workspace when a folder is open, so it can be committed; otherwise to the user's settings. */
  async update<N extends SettingName>(name: N, value: SettingValue<N> | undefined): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(name, value, target);
  }
}
