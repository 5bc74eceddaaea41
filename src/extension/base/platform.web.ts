/** VS Code for the Web: the web worker extension host cannot start programs. */
export const canRunPrograms = false;

export const CANNOT_RUN_PROGRAMS =
  'Running Python needs a desktop or remote window: VS Code for the Web cannot start programs. Open this folder in VS Code on your computer, in a dev container, or over Remote-SSH to check exercises.';
