import type { ResourceKind } from '../model';
import { statusOf, type RoadmapProgress, type Status } from '../progress/progressModel';
import { layerTally, tallyTopics } from '../progress/progressStats';
import { statusWords } from '../progress/statusWords';
import { masteryLines, topicMastery } from '../progress/mastery';
import { topicDue } from '../review/reviewStats';
import type { RoadmapIndex } from '../roadmapIndex';
import { resourceKindWords } from '../resourceKinds';
import { subtopicsOf, unitsOf } from '../topicUnits';
import { elementId, monthTopicIds, parseElement, type RowKind } from './elementIds';

/** What the sidebar trees show, as plain data: the editor adapter turns a row into a TreeItem. */
export type { RowKind };

export interface Row {
  element: string;
  kind: RowKind;
  /** The id of the layer, topic, exercise or month the row stands for. */
  ref: string;
  label: string;
  description?: string;
  /** Plain text; the adapter may render it as markdown. */
  tooltip?: string;
  icon: string;
  iconColor?: string;
  /** Topics only: whether the done checkbox is ticked. */
  checked?: boolean;
  status?: Status;
  expandable: boolean;
  /** Spoken by screen readers. */
  ariaLabel: string;
  /** Resources only. */
  url?: string;
  /** What a click does: topics open their notes, resources their page. */
  opens?: 'notes' | 'resource';
}

export interface TreeOptions {
  hideCompleted: boolean;
}

const STATUS_ICON: Record<Status, { icon: string; color?: string }> = {
  'not-started': { icon: 'circle-large-outline' },
  'in-progress': { icon: 'record', color: 'charts.yellow' },
  done: { icon: 'pass-filled', color: 'charts.green' },
  skipped: { icon: 'debug-step-over', color: 'disabledForeground' },
};

const RESOURCE_ICON: Record<ResourceKind, string> = {
  book: 'book',
  course: 'mortar-board',
  video: 'device-camera-video',
  paper: 'file-text',
  docs: 'file-code',
  tool: 'tools',
  community: 'comment-discussion',
  article: 'note',
  official: 'verified',
  opensource: 'repo',
  podcast: 'mic',
  roadmap: 'map',
};

const hidden = (status: Status, opts: TreeOptions) => opts.hideCompleted && (status === 'done' || status === 'skipped');

/** Children in the Roadmap view: layers, then topics, then a topic's sub-topics, exercises and resources. */
export function roadmapChildren(index: RoadmapIndex, progress: RoadmapProgress | undefined, opts: TreeOptions, element?: string): string[] {
  if (!element) return index.roadmap.layers.map((l) => elementId.layer(l.id));
  const parts = parseElement(element);
  if (parts?.kind === 'layer') {
    const layer = index.layer(parts.ref);
    return layer ? layer.topics.filter((t) => !hidden(statusOf(progress, 'topic', t.id), opts)).map((t) => elementId.topic(t.id)) : [];
  }
  if (parts?.kind === 'topic') {
    const topic = index.topic(parts.ref);
    if (!topic) return [];
    return [
      ...subtopicsOf(topic).filter((s) => !hidden(statusOf(progress, 'topic', s.id), opts)).map((s) => elementId.topic(s.id)),
      ...topic.exercises.map((e) => elementId.exercise(e, topic.id)),
      ...topic.resources.map((_, i) => elementId.resource(topic.id, i)),
    ];
  }
  return [];
}

/** Children in the Study Plan view: months, then each month's topics and its milestone. */
export function planChildren(index: RoadmapIndex, progress: RoadmapProgress | undefined, opts: TreeOptions, element?: string): string[] {
  const months = index.roadmap.plan?.months ?? [];
  if (!element) return months.map((m) => elementId.month(m.month));
  const parts = parseElement(element);
  if (parts?.kind !== 'month') return [];
  const month = months.find((m) => String(m.month) === parts.ref);
  if (!month) return [];
  const topics = monthTopicIds(index, month.topics);
  return [...topics.filter((id) => !hidden(statusOf(progress, 'topic', id), opts)).map((id) => elementId.topic(id, month.month)), elementId.milestone(month.month)];
}

/** "3 to review" after a row's description, when cards of it are due today. */
const dueWords = (n: number) => (n > 0 ? ` · ${n} to review` : '');

export function rowFor(index: RoadmapIndex, progress: RoadmapProgress | undefined, element: string, now: Date = new Date()): Row | undefined {
  const parts = parseElement(element);
  if (!parts) return undefined;
  const { kind, ref, extra } = parts;
  switch (kind) {
    case 'layer': {
      const layer = index.layer(ref);
      if (!layer) return undefined;
      const t = layerTally(layer, progress);
      const label = `${layer.number}. ${layer.title}`;
      const units = layer.topics.some((x) => subtopicsOf(x).length > 0) ? 'topics and sub-topics' : 'topics';
      // Quiz cards of the layer's topics and sub-topics alike.
      const due = unitsOf(layer).reduce((n, x) => n + topicDue(x.id, x.quiz?.ids, progress, now), 0);
      return {
        element, kind, ref, label,
        description: `${t.done}/${t.total} · ${t.percent}%${dueWords(due)}`,
        tooltip: [
          layer.title,
          layer.goal ? `Goal: ${layer.goal}` : '',
          `${t.done} of ${t.total} ${units} done (${t.percent}%)${t.skipped ? `, ${t.skipped} skipped` : ''}.`,
          due ? `${due} quiz card${due === 1 ? '' : 's'} to review today.` : '',
        ].filter(Boolean).join('\n\n'),
        icon: t.total > 0 && t.done === t.total ? 'pass-filled' : 'layers',
        iconColor: t.total > 0 && t.done === t.total ? 'charts.green' : undefined,
        expandable: true,
        ariaLabel: `${label}, ${t.done} of ${t.total} ${units} done, ${t.percent} percent`,
      };
    }
    case 'topic': {
      const topic = index.topic(ref);
      if (!topic) return undefined;
      const status = statusOf(progress, 'topic', topic.id);
      const s = STATUS_ICON[status];
      const pres = topic.prerequisites.map((p) => index.topic(p)?.title ?? p);
      const due = topicDue(topic.id, topic.quiz?.ids, progress, now);
      const parent = index.parentOf(topic.id);
      const subs = subtopicsOf(topic);
      const subTally = subs.length ? tallyTopics(subs.map((x) => x.id), progress) : undefined;
      const subCount = subTally && `${subTally.done}/${subTally.total} sub-topic${subs.length === 1 ? '' : 's'}`;
      const tooltip = [
        topic.title,
        parent ? `Sub-topic of ${parent.title}` : '',
        topic.summary ?? '',
        `Status: ${statusWords(status)}${topic.hours ? ` · about ${topic.hours} h` : ''}`,
        // The three facts of mastery, each with a mark and words (the tooltip is plain text).
        masteryLines(topicMastery(topic, progress)).map((l) => `${l.met ? '✓' : '○'} ${l.text}`).join('\n'),
        due ? `${due} quiz card${due === 1 ? '' : 's'} to review today` : '',
        subTally ? `${subTally.done} of ${subTally.total} sub-topics done` : '',
        pres.length ? `Prerequisites: ${pres.join(', ')}` : 'No prerequisites',
      ].filter(Boolean).join('\n\n');
      const description = [topic.hours ? `${topic.hours} h` : '', subCount ?? '', due ? `${due} to review` : ''].filter(Boolean).join(' · ');
      return {
        element, kind, ref,
        label: topic.title,
        description: description || undefined,
        tooltip,
        icon: s.icon,
        iconColor: s.color,
        checked: status === 'done',
        status,
        expandable: subs.length + topic.exercises.length + topic.resources.length > 0,
        ariaLabel: `${parent ? 'Sub-topic: ' : ''}${topic.title}, ${statusWords(status)}${subTally ? `, ${subTally.done} of ${subTally.total} sub-topics done` : ''}${due ? `, ${due} to review` : ''}`,
        opens: 'notes',
      };
    }
    case 'exercise': {
      const ex = index.exercise(ref);
      if (!ex) return undefined;
      const status = statusOf(progress, 'exercise', ex.id);
      return {
        element, kind, ref,
        label: ex.title,
        description: `exercise · ${ex.difficulty}${ex.hours ? ` · ${ex.hours} h` : ''}`,
        tooltip: `${ex.title}\n\n${ex.summary ?? ''}\n\nStatus: ${statusWords(status)}`,
        icon: status === 'done' ? 'pass-filled' : 'beaker',
        iconColor: status === 'done' ? 'charts.green' : undefined,
        status,
        expandable: false,
        ariaLabel: `Exercise: ${ex.title}, ${ex.difficulty}, ${statusWords(status)}`,
      };
    }
    case 'resource': {
      const r = index.topic(ref)?.resources[Number(extra)];
      if (!r) return undefined;
      return {
        element, kind, ref,
        label: r.title,
        description: `${resourceKindWords(r.kind)}${r.free === false ? ' · paid' : ''}`,
        tooltip: `${r.title}\n\n${resourceKindWords(r.kind)}${r.free === false ? ', paid' : ''}\n\n${r.url}`,
        icon: Object.prototype.hasOwnProperty.call(RESOURCE_ICON, r.kind) ? RESOURCE_ICON[r.kind] : 'link-external',
        expandable: false,
        ariaLabel: `${resourceKindWords(r.kind)}: ${r.title}`,
        url: r.url,
        opens: 'resource',
      };
    }
    case 'month': {
      const m = index.roadmap.plan?.months.find((x) => String(x.month) === ref);
      if (!m) return undefined;
      const t = tallyTopics(monthTopicIds(index, m.topics), progress);
      return {
        element, kind, ref,
        label: `Month ${m.month}: ${m.title}`,
        description: `${m.phase ? `${m.phase} · ` : ''}${t.done}/${t.total}`,
        tooltip: `Month ${m.month}: ${m.title}\n\nMilestone: ${m.milestone}\n\n${t.done} of ${t.total} topics done.`,
        icon: t.total > 0 && t.done === t.total ? 'pass-filled' : 'calendar',
        iconColor: t.total > 0 && t.done === t.total ? 'charts.green' : undefined,
        expandable: true,
        ariaLabel: `Month ${m.month}, ${m.title}, ${t.done} of ${t.total} topics done`,
      };
    }
    case 'milestone': {
      const m = index.roadmap.plan?.months.find((x) => String(x.month) === ref);
      if (!m) return undefined;
      return {
        element, kind, ref,
        label: `Milestone: ${m.milestone}`,
        tooltip: m.milestone,
        icon: 'milestone',
        expandable: false,
        ariaLabel: `Milestone of month ${m.month}: ${m.milestone}`,
      };
    }
  }
  return undefined;
}
