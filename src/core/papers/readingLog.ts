/** The reading list as a markdown log, newest first, grouped by the month a paper was added. */
import { monthKey, type OffsetAt, localOffset } from './monthlyHabit';
import { PAPER_STATUS_LABELS, type Paper } from './paperModel';

/** Text from titles and tags is escaped, so markup in a title shows as written. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`);
}

export function readingLog(papers: Paper[], titleOf: (topicId: string) => string | undefined, offset: OffsetAt = localOffset): string {
  const byMonth = new Map<string, Paper[]>();
  for (const p of [...papers].sort((a, b) => (a.added < b.added ? 1 : -1))) {
    const m = monthKey(new Date(p.added), offset);
    byMonth.set(m, [...(byMonth.get(m) ?? []), p]);
  }
  const out = ['# Reading log', ''];
  for (const [month, list] of byMonth) {
    out.push(`## ${month}`, '');
    for (const p of list) {
      const link = p.url ?? (p.arxivId ? `https://arxiv.org/abs/${p.arxivId}` : p.doi ? `https://doi.org/${p.doi}` : undefined);
      const title = link ? `[${mdText(p.title)}](<${link.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdText(p.title);
      out.push(`- ${title}${p.authors.length ? `, ${mdText(p.authors.slice(0, 3).join(', '))}${p.authors.length > 3 ? ' et al.' : ''}` : ''}${p.published ? ` (${p.published.slice(0, 4)})` : ''}`);
      const passes = p.passes.map((e) => `${PAPER_STATUS_LABELS[e.status].toLowerCase()} ${e.at.slice(0, 10)}`).join(', ');
      out.push(`  - ${PAPER_STATUS_LABELS[p.status]}; added ${p.added.slice(0, 10)}${passes ? `; ${passes}` : ''}`);
      const topics = p.topics.map((t) => titleOf(t) ?? t);
      if (topics.length) out.push(`  - Topics: ${topics.map(mdText).join('; ')}`);
      if (p.tags.length) out.push(`  - Tags: ${p.tags.map(mdText).join(', ')}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
