import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../tools/host/codeServer';

/** A layer row's description ("1/9 · 11%") after `done` of its topics, from the built roadmap, so content can grow. */
export function layerDescription(layerId: string, done: number): string {
  const roadmap = JSON.parse(readFileSync(join(repoRoot, 'dist', 'roadmap.json'), 'utf8')) as { layers: Array<{ id: string; topics: unknown[] }> };
  const total = roadmap.layers.find((l) => l.id === layerId)!.topics.length;
  return `${done}/${total} · ${Math.floor((done / total) * 100)}%`;
}
