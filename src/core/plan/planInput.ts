import type { RoadmapProgress } from '../progress/progressModel';
import type { RoadmapIndex } from '../roadmapIndex';
import { monthTopicIds } from '../views/elementIds';
import type { PlanMonthInput, TopicState } from './schedule';

/** The roadmap's plan as the scheduler takes it: each topic once, in the first month that names it. */
export function planMonthsOf(index: RoadmapIndex): PlanMonthInput[] {
  const seen = new Set<string>();
  return (index.roadmap.plan?.months ?? []).map((m) => ({
    month: m.month,
    title: m.title,
    milestone: m.milestone,
    topics: monthTopicIds(index, m.topics)
      .filter((id) => !seen.has(id) && seen.add(id))
      .map((id) => {
        const t = index.topic(id)!;
        return { id, title: t.title, hours: t.hours };
      }),
  }));
}

export function topicStateOf(progress: RoadmapProgress | undefined): (id: string) => TopicState {
  return (id) => {
    const e = progress?.topics[id];
    return e ? { status: e.status, at: e.updated } : { status: 'not-started' };
  };
}
