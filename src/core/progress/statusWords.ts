import type { Status } from './progressModel';

/** How each status reads, the one place it is spelled: the panels show these, the tree and prompts their lower case. */
export const STATUS_LABELS: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

// Lower-cased once: the tree asks for every row of every refresh.
const STATUS_WORDS = Object.fromEntries(Object.entries(STATUS_LABELS).map(([s, label]) => [s, label.toLowerCase()])) as Record<Status, string>;

export function statusWords(status: Status): string {
  return STATUS_WORDS[status];
}
