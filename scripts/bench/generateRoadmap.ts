import { stringify } from 'yaml';

/** A synthetic single-file roadmap of `topics` topics over 8 layers, with chains of prerequisites. */
export function generateRoadmapYaml(topics: number): string {
  const layers = Array.from({ length: 8 }, (_, li) => ({
    id: `layer-${li + 1}`,
    number: li + 1,
    title: `Layer ${li + 1}`,
    goal: 'A generated layer for the benchmark.',
    topics: [] as unknown[],
  }));
  for (let i = 0; i < topics; i++) {
    const layer = layers[Math.floor((i * 8) / topics)];
    layer.topics.push({
      id: `topic-${i}`,
      title: `Topic number ${i}`,
      summary: 'A generated topic with a summary of ordinary length, for the benchmark.',
      prerequisites: i > 0 ? [`topic-${i - 1}`] : [],
      hours: 1 + (i % 7),
      tags: ['generated', `group-${i % 13}`],
      resources: [{ title: 'Reference', url: `https://example.org/${i}`, kind: 'docs', free: true }],
    });
  }
  return stringify({ id: 'generated', title: 'Generated', version: '1.0.0', layers });
}
