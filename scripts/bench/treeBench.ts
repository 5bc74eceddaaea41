import type { Roadmap } from '../../src/core/model';
import { applyChanges, emptyState } from '../../src/core/progress/progressModel';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { roadmapChildren, rowFor } from '../../src/core/views/treeRows';
import { medianMs, ms, type Row } from './measure';

/**
 * The sidebar's work for one layer of 10,000 topics: its children and a row for each (what
 * VS Code asks of getChildren and getTreeItem), and one check-off: the state change, the JSON the
 * store writes, and the rows it refreshes. The floor is a bare map over the same topics.
 */
export async function treeRows(): Promise<Row[]> {
  const n = 10_000;
  const topics = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`, title: `Topic ${i}`, summary: 'A generated topic.', hours: 2,
    prerequisites: i ? [`t${i - 1}`] : [], tags: [], resources: [], exercises: [],
  }));
  const roadmap: Roadmap = { id: 'bench', title: 'Bench', version: '1.0.0', practicalRoad: [], exercises: [], layers: [{ id: 'big', number: 1, title: 'Big', goal: 'g', topics }] };
  const index = new RoadmapIndex(roadmap);
  let state = emptyState();
  for (let i = 0; i < n; i += 3) state = applyChanges(state, 'bench', [{ kind: 'topic', id: `t${i}`, status: 'done' }], new Date()).state;
  const opts = { hideCompleted: false };

  const children = await medianMs(() => {
    const ids = roadmapChildren(index, state.roadmaps.bench, opts, 'layer:big');
    for (const id of ids) rowFor(index, state.roadmaps.bench, id);
  });
  const floor = await medianMs(() => topics.map((t) => ({ id: `topic:${t.id}`, label: t.title, description: `${t.hours} h` })));
  let k = 1;
  const checkOff = await medianMs(() => {
    const next = applyChanges(state, 'bench', [{ kind: 'topic', id: `t${(k += 3) % n}`, status: 'done' }], new Date()).state;
    JSON.stringify(next);
    rowFor(index, next.roadmaps.bench, `topic:t${k % n}`);
    rowFor(index, next.roadmaps.bench, 'layer:big');
  });
  return [
    { figure: 'tree: children + rows of a 10,000-topic layer', value: ms(children), floor: `bare map: ${ms(floor)}`, ratio: `${(children / floor).toFixed(1)}x`, goal: '< 50 ms' },
    { figure: 'tree: one check-off (state, JSON write, 2 rows)', value: ms(checkOff), goal: '< 10 ms' },
  ];
}
