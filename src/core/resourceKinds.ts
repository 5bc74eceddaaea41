import type { ResourceKind } from './model';

/** Each resource kind in words, as the tree and the notes panel show it beside the title. */
export const RESOURCE_KIND_WORDS: Record<ResourceKind, string> = {
  book: 'book',
  course: 'course',
  video: 'video',
  paper: 'paper',
  docs: 'documentation',
  tool: 'tool',
  community: 'community',
  article: 'article',
  official: 'official site',
  opensource: 'open-source project',
  podcast: 'podcast',
  roadmap: 'roadmap',
};

/** The words for a kind; an unknown one (from data built elsewhere) as it is. */
export function resourceKindWords(kind: string): string {
  return Object.prototype.hasOwnProperty.call(RESOURCE_KIND_WORDS, kind) ? RESOURCE_KIND_WORDS[kind as ResourceKind] : kind;
}
