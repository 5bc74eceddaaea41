import MiniSearch from 'minisearch';
import type { RoadmapIndex } from '../roadmapIndex';

export interface SearchHit {
  id: string;
  score: number;
  /** The query terms found, so the picker can say where a hit came from. */
  terms: string[];
}

interface Doc {
  id: string;
  title: string;
  tags: string;
  summary: string;
  notes: string;
}

/** Full-text search over titles, tags, summaries and notes (MiniSearch: prefix and fuzzy). */
export class TopicSearch {
  private readonly mini = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'summary', 'notes'],
    storeFields: [],
    searchOptions: { boost: { title: 4, tags: 3, summary: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });

  /** `notesOf` returns a topic's notes text (or '' when it has none). */
  static async build(index: RoadmapIndex, notesOf: (notesPath: string) => Promise<string>): Promise<TopicSearch> {
    const search = new TopicSearch();
    const docs = await Promise.all(
      index.topicOrder.map(async (t) => ({
        id: t.id,
        title: t.title,
        tags: t.tags.join(' '),
        summary: t.summary ?? '',
        notes: t.notes ? stripMarkdown(await notesOf(t.notes).catch(() => '')) : '',
      })),
    );
    search.mini.addAll(docs);
    return search;
  }

  search(query: string, limit = 50): SearchHit[] {
    if (!query.trim()) return [];
    return this.mini.search(query).slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
  }
}

/** Code fences and math stay searchable as words; markup characters do not. */
function stripMarkdown(md: string): string {
  return md.replace(/[#*_`>$\\[\]{}()|-]+/g, ' ');
}
