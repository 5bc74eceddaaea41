import { parseElement } from './elementIds';

/**
 * What a command acts on, from the argument it was given: tree rows pass their element (and,
 * from a context menu, every selected row); tests, links and panels pass plain ids; a webview's
 * context menu (the map's) passes the object its element declared, with a `topicId`. The command
 * handlers read their arguments with these, once, at the boundary.
 */

/** The topic id a webview's context menu names (its data-vscode-context), if it is one. */
function webviewTopic(x: unknown): string | undefined {
  if (!x || typeof x !== 'object' || !Object.hasOwn(x, 'topicId')) return undefined;
  const id = (x as { topicId: unknown }).topicId;
  return typeof id === 'string' && id.length > 0 && id.length < 200 ? id : undefined;
}

/** The topic ids to act on: the selected rows when several are, else the clicked one. */
export function topicIdsOf(clicked: unknown, selected: unknown): string[] {
  const all = Array.isArray(selected) && selected.length > 0 ? selected : clicked !== undefined ? [clicked] : [];
  const ids = all.flatMap((x) => {
    const fromWebview = webviewTopic(x);
    if (fromWebview) return [fromWebview];
    if (typeof x !== 'string') return [];
    const parts = parseElement(x);
    if (!parts) return x.includes(':') ? [] : [x];
    return parts.kind === 'topic' ? [parts.ref] : [];
  });
  return [...new Set(ids)];
}

/** An exercise id: from an exercise row or as given. */
export function exerciseIdOf(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  const parts = parseElement(target);
  return parts?.kind === 'exercise' ? parts.ref : target;
}

/** A layer or topic id whose notes to open: from a layer or topic row, or as given. */
export function notesIdOf(target: unknown): string | undefined {
  if (typeof target !== 'string') return webviewTopic(target);
  const parts = parseElement(target);
  if (!parts) return target.includes(':') ? undefined : target;
  return parts.kind === 'layer' || parts.kind === 'topic' ? parts.ref : undefined;
}

/** A topic's resource, from a resource row. */
export function resourceOf(target: unknown): { topicId: string; n: number } | undefined {
  if (typeof target !== 'string') return undefined;
  const parts = parseElement(target);
  const n = Number(parts?.extra);
  return parts?.kind === 'resource' && Number.isInteger(n) && n >= 0 ? { topicId: parts.ref, n } : undefined;
}
