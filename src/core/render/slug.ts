/** Anchor ids: lowercase words joined by dashes, as GitHub and VS Code's preview make them. */
export function slugify(s: string): string {
  return s.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-');
}

/** The panel's header already shows the topic title; a note's own leading "# Title" would repeat it. */
export function withoutLeadingTitle(markdown: string): string {
  return markdown.replace(/^\uFEFF?\s*# [^\n]*\n/, '');
}

/**
 * The heading ids the notes renderer gives a note (headingIds.ts: slug, then "-1", "-2" for
 * repeats), read from its ATX headings outside code fences without rendering it: enough for the
 * loader to check that a quiz item's `section` names a heading.
 */
export function noteHeadingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const next = new Map<string, number>();
  let fence: string | undefined;
  for (const line of withoutLeadingTitle(markdown).split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!h) continue;
    const base = slugify(h[1].replace(/\$[^$]*\$/g, ''));
    let id = base;
    if (ids.has(id)) {
      let n = next.get(base) ?? 1;
      while (ids.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      next.set(base, n + 1);
    }
    ids.add(id);
  }
  return ids;
}
