import { statusOf, type RoadmapProgress, type Status } from '../progress/progressModel';
import { layerTally } from '../progress/progressStats';
import type { RoadmapIndex } from '../roadmapIndex';
import { masteryLines, topicMastery, type MasteryLine } from '../progress/mastery';
import { topicQuizTally } from '../review/reviewStats';
import { resourceKindWords } from '../resourceKinds';
import { subtopicsOf } from '../topicUnits';

export interface TopicRef {
  id: string;
  title: string;
  status: Status;
}

/** A topic in a layer's list, with its sub-topics (empty when it has none). */
export interface LayerTopicRef extends TopicRef {
  subtopics?: TopicRef[];
}

export interface TopicView {
  kind: 'topic';
  id: string;
  title: string;
  layer: { id: string; number: number; title: string };
  /** For a sub-topic: the topic it belongs to. */
  parent?: TopicRef;
  /** For a topic: its sub-topics, each with a link (empty when it has none). */
  subtopics?: TopicRef[];
  hours?: number;
  status: Status;
  /** Rendered by the extension from markdown with raw HTML disabled. */
  notesHtml: string;
  prerequisites: TopicRef[];
  /** `kindWords`: the kind as the panel shows it ("official site", "open-source project"). */
  resources: Array<{ title: string; url: string; kind: string; kindWords?: string; free?: boolean }>;
  exercises: Array<{ id: string; title: string; difficulty: string; hours?: number; status: Status }>;
  previous?: TopicRef;
  next?: TopicRef;
  hasMyNotes: boolean;
  /** arXiv papers cited in the notes' references, each with whether it is in the reading list. */
  paperRefs?: Array<{ arxivId: string; title: string; listed: boolean }>;
  /** Read, quizzed, verified: the three facts of mastery, in words. */
  mastery: MasteryLine[];
  /** Its quiz: how many items, and how many of its cards are due today. */
  quiz?: { items: number; due: number };
}

export interface LayerView {
  kind: 'layer';
  id: string;
  number: number;
  title: string;
  goal?: string;
  summary?: string;
  topics: LayerTopicRef[];
  done: number;
  total: number;
  /** "3 of 12 topics done", or "… topics and sub-topics done" when the layer has sub-topics. */
  progressText?: string;
}

/** What the notes panel shows for a layer or a topic. */
export type NotesView = TopicView | LayerView;

/** The editor's part: notes rendered to HTML, and whether the learner has notes of their own. */
export interface NotesViewSources {
  renderNotes: (notesPath: string) => Promise<string>;
  hasMyNotes: (topicId: string) => Promise<boolean>;
  /** The arXiv papers a note cites, and whether each is in the reading list. */
  paperRefs?: (notesPath: string) => Promise<TopicView['paperRefs']>;
  /** The clock the due count reads. */
  now?: Date;
}

/** The data the notes panel shows for a layer or topic id; undefined for an unknown id. */
export async function notesViewFor(
  index: RoadmapIndex,
  progress: RoadmapProgress | undefined,
  id: string,
  deps: NotesViewSources,
): Promise<NotesView | undefined> {
  const ref = (topicId: string): TopicRef | undefined => {
    const t = index.topic(topicId);
    return t && { id: t.id, title: t.title, status: statusOf(progress, 'topic', t.id) };
  };
  const layer = index.layer(id);
  if (layer) {
    const tally = layerTally(layer, progress);
    const topics = layer.topics.map((t) => ({ ...ref(t.id)!, subtopics: subtopicsOf(t).map((x) => ref(x.id)!) }));
    const units = topics.some((t) => t.subtopics.length > 0) ? 'topics and sub-topics' : 'topics';
    return {
      kind: 'layer', id, number: layer.number, title: layer.title, ...(layer.goal ? { goal: layer.goal } : {}), summary: layer.summary,
      topics, done: tally.done, total: tally.total, progressText: `${tally.done} of ${tally.total} ${units} done`,
    };
  }
  const topic = index.topic(id);
  const parent = index.layerOf(id);
  if (!topic || !parent) return undefined;
  const parentTopic = index.parentOf(id);
  const [notesHtml, hasMyNotes, paperRefs] = await Promise.all([
    topic.notes ? deps.renderNotes(topic.notes) : Promise.resolve(`<p>This ${parentTopic ? 'sub-topic' : 'topic'} has no notes yet.</p>`),
    deps.hasMyNotes(id),
    topic.notes && deps.paperRefs ? deps.paperRefs(topic.notes) : Promise.resolve(undefined),
  ]);
  const quizItems = topic.quiz?.ids.length ?? 0;
  // The mastery line and the due count from one pass over the topic's cards.
  const tally = topicQuizTally(id, topic.quiz?.ids, progress, deps.now ?? new Date());
  const prev = index.neighbour(id, -1);
  const next = index.neighbour(id, 1);
  return {
    kind: 'topic',
    id,
    title: topic.title,
    layer: { id: parent.id, number: parent.number, title: parent.title },
    ...(parentTopic ? { parent: ref(parentTopic.id) } : {}),
    subtopics: subtopicsOf(topic).map((x) => ref(x.id)!),
    hours: topic.hours,
    status: statusOf(progress, 'topic', id),
    notesHtml,
    prerequisites: topic.prerequisites.flatMap((p) => ref(p) ?? []),
    resources: topic.resources.map((r) => ({ title: r.title, url: r.url, kind: r.kind, kindWords: resourceKindWords(r.kind), free: r.free })),
    exercises: topic.exercises.flatMap((x) => {
      const e = index.exercise(x);
      return e ? [{ id: e.id, title: e.title, difficulty: e.difficulty, hours: e.hours, status: statusOf(progress, 'exercise', e.id) }] : [];
    }),
    previous: prev && ref(prev.id),
    next: next && ref(next.id),
    hasMyNotes,
    ...(paperRefs?.length ? { paperRefs } : {}),
    mastery: masteryLines(topicMastery(topic, progress, tally.right)),
    ...(quizItems ? { quiz: { items: quizItems, due: tally.due } } : {}),
  };
}
