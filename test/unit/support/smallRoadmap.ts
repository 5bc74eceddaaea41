import type { Roadmap } from '../../../src/core/model';
import { applyChanges, emptyState, type Change, type RoadmapProgress } from '../../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../../src/core/roadmapIndex';

const topic = (id: string, extra: object = {}) => ({ id, title: id.toUpperCase(), prerequisites: [], tags: [], resources: [], exercises: [], ...extra });

/** Two layers, a topic with two exercises and a resource, and a two-month plan that names a layer. */
export const smallRoadmap: Roadmap = {
  id: 'r', title: 'Small *roadmap*', version: '1.0.0', practicalRoad: [],
  exercises: [
    { id: 'ex1', title: 'Ex 1', topic: 'a', difficulty: 'beginner', hours: 2 },
    { id: 'ex2', title: 'Ex 2', topic: 'a', difficulty: 'advanced' },
  ],
  layers: [
    { id: 'l1', number: 1, title: 'First [layer]', goal: 'g1', summary: 's1', topics: [
      topic('a', { exercises: ['ex1', 'ex2'], resources: [{ title: 'Doc', url: 'https://example.org', kind: 'docs' }], hours: 3, prerequisites: ['b'], notes: 'notes/a.md' }),
      topic('b'),
    ] },
    { id: 'l2', number: 2, title: 'Second', goal: 'g2', topics: [topic('c', { prerequisites: ['a'] })] },
  ],
  plan: { title: 'P', months: [{ month: 1, title: 'M1', topics: ['a', 'l1'], milestone: 'Ship' }, { month: 2, title: 'M2', topics: ['l2'], milestone: 'Again' }] },
};

export const smallIndex = new RoadmapIndex(smallRoadmap);

export function progressWith(...changes: Change[]): RoadmapProgress {
  return applyChanges(emptyState(), smallRoadmap.id, changes, new Date('2026-03-01T10:00:00Z')).state.roadmaps[smallRoadmap.id] ?? { topics: {}, exercises: {}, history: [] };
}
