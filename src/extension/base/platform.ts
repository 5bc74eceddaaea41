/** What the extension host can do: the Node host runs programs (exercise tests, Python). */
export const canRunPrograms = true;

export const CANNOT_RUN_PROGRAMS = '';
