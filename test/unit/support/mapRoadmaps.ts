import type { Roadmap, Topic } from '../../../src/core/model';

/**
 * A generated roadmap for the map's tests and bench: `topics` topics over `layers` layers, each
 * with up to four prerequisites (as the built-in roadmap has: most among the last few topics of
 * its own layer, some anywhere earlier), from a fixed seed so every run draws the same graph.
 */
export function generateMapRoadmap(topics: number, layers = 8, seed = 7): Roadmap {
  let s = seed;
  const random = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const all: Topic[] = [];
  const out: Roadmap = {
    id: `generated-${topics}`, title: `Generated (${topics} topics)`, version: '1.0.0', practicalRoad: [], exercises: [],
    layers: Array.from({ length: layers }, (_, i) => ({ id: `layer-${i + 1}`, number: i + 1, title: `Layer ${i + 1}`, goal: 'Generated.', topics: [] as Topic[] })),
  };
  for (let i = 0; i < topics; i++) {
    const prerequisites = new Set<string>();
    const wanted = i === 0 ? 0 : Math.floor(random() * 5);
    for (let k = 0; k < wanted; k++) {
      const back = random() < 0.75 ? 1 + Math.floor(random() * Math.min(i, 10)) : 1 + Math.floor(random() * i);
      prerequisites.add(`topic-${i - back}`);
    }
    const t: Topic = { id: `topic-${i}`, title: `Generated topic number ${i} with a title of ordinary length`, prerequisites: [...prerequisites], tags: [], resources: [], exercises: [], hours: 1 + (i % 7) };
    all.push(t);
    out.layers[Math.floor((i * layers) / topics)].topics.push(t);
  }
  return out;
}

/**
 * The same roadmap with sub-topics: in each layer, every run of `group` topics becomes a topic
 * and its `group - 1` sub-topics (ids and prerequisites unchanged), as a teacher's course has them.
 */
export function withSubtopics(roadmap: Roadmap, group = 3): Roadmap {
  return {
    ...roadmap,
    id: `${roadmap.id}-nested`,
    layers: roadmap.layers.map((layer) => {
      const topics: Topic[] = [];
      layer.topics.forEach((t, i) => {
        if (i % group === 0) topics.push({ ...t, subtopics: [] });
        else topics[topics.length - 1].subtopics!.push({ ...t });
      });
      return { ...layer, topics };
    }),
  };
}
