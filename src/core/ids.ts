/**
 * The id rules of the roadmap schema (media/schema/roadmap.schema.json, $defs/id), for data that is
 * not YAML: lowercase letters and digits, with single or double hyphens between them ("html--css",
 * as slugs from other tools have it), never at either end.
 */
export const ID_PATTERN = /^[a-z0-9]+(--?[a-z0-9]+)*$/;
/** Quiz item ids (QUIZ-FORMAT, media/schema/quiz.schema.json) keep single hyphens only. */
export const SINGLE_HYPHEN_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The rule in words, for messages. */
export const ID_RULE = 'lowercase letters and digits, with single or double hyphens between them (like "linear-algebra" or "html--semantics")';
export const MAX_ID_LENGTH = 80;

/** Device names Windows reserves in every folder, with or without an extension ("nul.txt" too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Whether `name` (one path segment or an id) names a Windows device, so no file can be made with it there. */
export function isWindowsReservedName(name: string): boolean {
  // Windows ignores trailing dots and spaces: "con." and "nul " are the devices too.
  return WINDOWS_RESERVED.test(name.replace(/[. ]+$/, ''));
}

/** Whether an id follows the schema's rules and can name a file on every system. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id) && !isWindowsReservedName(id);
}

const DEVICES = 'CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with any extension';

export function reservedNameMessage(what: string, name: string): string {
  return `${what} "${name}" is a device name on Windows (${DEVICES}), so it cannot name a file there; choose another.`;
}

/** For a path an author gives: which of its parts is a device name. */
export function reservedPartMessage(what: string, part: string): string {
  return `${what} has "${part}" in its path, a device name on Windows (${DEVICES}), so no file can have it there; rename it.`;
}
