import { parseElement } from '../../core/tree/treeRows';

/**
 * The topic ids a command acts on. Tree commands receive (clicked, selected[]); with several
 * rows selected VS Code passes them all, otherwise only the clicked one. Tests and other
 * commands pass plain topic ids.
 */
export function topicTargets(clicked: unknown, selected: unknown): string[] {
  const all = Array.isArray(selected) && selected.length > 0 ? selected : clicked !== undefined ? [clicked] : [];
  const ids = all.flatMap((x) => {
    if (typeof x !== 'string') return [];
    if (!x.includes(':')) return [x];
    const { kind, ref } = parseElement(x);
    return kind === 'topic' ? [ref] : [];
  });
  return [...new Set(ids)];
}

/** The exercise id a command was given: a tree row ("exercise:<id>:<topic>") or a plain id. */
export function exerciseTarget(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  return target.startsWith('exercise:') ? parseElement(target).ref : target;
}
