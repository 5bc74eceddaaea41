/**
 * arXiv papers cited in a note's "## References" section ("..., arXiv:1706.03762."), so the
 * notes panel can offer to add each one to the reading list.
 */
import { arxivIdOf } from './paperIds';

export interface NoteReference {
  arxivId: string;
  /** The quoted title when the reference has one, else the reference line itself. */
  title: string;
}

const MAX_REFS = 100;

export function noteReferences(markdown: string): NoteReference[] {
  const section = /^##\s+References\s*$/im.exec(markdown);
  if (!section) return [];
  const rest = markdown.slice(section.index + section[0].length);
  const end = rest.search(/^##?\s/m);
  const body = end < 0 ? rest : rest.slice(0, end);
  const items = body.split(/\n(?=\s*[-*]\s)/);
  const out: NoteReference[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const text = item.replace(/^\s*[-*]\s+/, '').replace(/\s+/g, ' ').trim();
    for (const m of text.matchAll(/(?:arXiv:\s*|arxiv\.org\/(?:abs|pdf)\/)([\w.-]+\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/gi)) {
      const id = arxivIdOf(m[1]);
      if (!id || seen.has(id) || out.length >= MAX_REFS) continue;
      seen.add(id);
      const quoted = /"([^"]{3,300})"|“([^”]{3,300})”/.exec(text);
      out.push({ arxivId: id, title: (quoted?.[1] ?? quoted?.[2] ?? text).slice(0, 300) });
    }
  }
  return out;
}
