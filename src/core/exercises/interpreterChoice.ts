export interface InterpreterChoice {
  command: string;
  /** Where it came from, in words, for the output. */
  source: string;
  /** The version, when the Python extension knows it already. */
  version?: string;
}

/** What the Python extension's typed API said for the exercise folder. */
export interface ExtensionInterpreter {
  path?: string;
  version?: { major?: number; minor?: number; micro?: number } | undefined;
}

/**
 * The interpreter to run tests with: the one selected in the Python extension when it gives a
 * path, else the aiRoadmap.pythonPath setting, else python3 from the PATH.
 */
export function chooseInterpreter(fromExtension: ExtensionInterpreter | undefined, setting: string | undefined): InterpreterChoice {
  const path = fromExtension?.path?.trim();
  if (path) {
    const v = fromExtension?.version;
    const version = v && typeof v.major === 'number' ? [v.major, v.minor, v.micro].filter((n) => typeof n === 'number').join('.') : undefined;
    return { command: path, source: 'the interpreter selected in the Python extension', ...(version ? { version } : {}) };
  }
  const configured = setting?.trim();
  if (configured) return { command: configured, source: 'the aiRoadmap.pythonPath setting' };
  return { command: 'python3', source: 'python3 on the PATH' };
}
