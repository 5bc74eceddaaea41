import * as vscode from 'vscode';

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    resolveEnvironment(env: { path: string }): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  };
}

/**
 * The Python to run tests with: the interpreter selected in the Python extension when it is
 * installed, else the aiRoadmap.pythonPath setting, else python3 from the PATH.
 */
export async function pythonFor(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<{ command: string; source: string }> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (ext) {
    try {
      const api = ext.isActive ? ext.exports : await ext.activate();
      const envs = api.environments;
      if (envs) {
        const env = await envs.resolveEnvironment(envs.getActiveEnvironmentPath(folder));
        const path = env?.executable.uri?.fsPath;
        if (path) return { command: path, source: 'the interpreter selected in the Python extension' };
      }
    } catch (e) {
      log.warn(`The Python extension did not give an interpreter: ${(e as Error).message}`);
    }
  }
  const setting = vscode.workspace.getConfiguration('aiRoadmap', folder).get<string>('pythonPath', '').trim();
  if (setting) return { command: setting, source: 'the aiRoadmap.pythonPath setting' };
  return { command: 'python3', source: 'python3 on the PATH' };
}
