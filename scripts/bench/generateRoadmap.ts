import { parse, stringify } from 'yaml';

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

/** The roadmap of generateRoadmapYaml as an author keeps it: roadmap.yaml and one file per layer. */
export function generateAuthorRoadmapFiles(topics: number): Record<string, string> {
  const { layers, ...roadmap } = parse(generateRoadmapYaml(topics)) as { layers: Array<{ id: string }> };
  const files: Record<string, string> = { 'roadmap.yaml': stringify({ ...roadmap, layers: layers.map((l) => `layers/${l.id}.yaml`) }) };
  for (const l of layers) files[`layers/${l.id}.yaml`] = stringify(l);
  return files;
}

/**
 * A teacher's roadmap as files: `units` topics and sub-topics (a third topics, each with two
 * sub-topics) over layer files of 15, each with a notes file, typed links and prerequisites, as
 * a third-party course converts. Returns the files by path, relative to the roadmap folder.
 */
export function generateTeacherRoadmapFiles(units = 150): Record<string, string> {
  const kinds = ['article', 'official', 'opensource', 'podcast', 'roadmap', 'docs', 'video', 'course'];
  const files: Record<string, string> = {};
  const layerFiles: string[] = [];
  let n = 0;
  let previous: string | undefined;
  const unit = (id: string, title: string) => {
    const notes = `notes/${id}.md`;
    files[notes] = `# ${title}\n\nWhat ${title.toLowerCase()} is, with an example.\n`;
    const u = {
      id,
      title,
      summary: `A generated unit of a converted course: ${title}.`,
      notes,
      hours: 1 + (n % 4),
      ...(previous ? { prerequisites: [previous] } : {}),
      tags: ['generated'],
      resources: [0, 1].map((r) => ({ title: `${title}, link ${r + 1}`, url: `https://example.org/${id}/${r}`, kind: kinds[(n + r) % kinds.length] })),
    };
    previous = id;
    n++;
    return u;
  };
  for (let l = 0; n < units; l++) {
    const topics: unknown[] = [];
    for (let t = 0; t < 5 && n < units; t++) {
      const id = `layer${l}--topic-${t}`;
      const topic: Record<string, unknown> = unit(id, `Topic ${l}.${t}`);
      const subtopics = [0, 1].filter(() => n < units).map((s) => unit(`${id}--part-${s}`, `Part ${l}.${t}.${s}`));
      if (subtopics.length) topic.subtopics = subtopics;
      topics.push(topic);
    }
    const file = `layers/layer-${l}.yaml`;
    files[file] = stringify({ id: `layer-${l}`, title: `Layer ${l}`, topics });
    layerFiles.push(file);
  }
  files['roadmap.yaml'] = stringify({ id: 'converted-course', title: 'A converted course', version: '1.0.0', layers: layerFiles });
  return files;
}
