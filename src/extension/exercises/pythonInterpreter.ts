import { PVSC_EXTENSION_ID, PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import type { Settings } from '../base/settings';
import { chooseInterpreter, type ExtensionInterpreter, type InterpreterChoice } from '../../core/exercises/interpreterChoice';

/**
 * The Python to run tests with (see chooseInterpreter): the Python extension is asked through
 * its typed API only when it is installed, so a learner without it gets the fallbacks quietly.
 */
export async function pythonFor(folder: vscode.Uri, settings: Settings, log: vscode.LogOutputChannel): Promise<InterpreterChoice> {
  const setting = settings.get('pythonPath', folder);
  return chooseInterpreter(await fromPythonExtension(folder, log), setting);
}

async function fromPythonExtension(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<ExtensionInterpreter | undefined> {
  if (!vscode.extensions.getExtension(PVSC_EXTENSION_ID)) return undefined;
  try {
    const envs = (await PythonExtension.api()).environments;
    const env = await envs.resolveEnvironment(envs.getActiveEnvironmentPath(folder));
    return env && { path: env.executable.uri?.fsPath, version: env.version };
  } catch (e) {
    log.warn(`The Python extension did not give an interpreter: ${(e as Error).message}`);
    return undefined;
  }
}
