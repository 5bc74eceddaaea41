import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Roadmap } from '../../src/core/model';
import { RoadmapIndex } from '../../src/core/roadmapIndex';
import { TopicSearch } from '../../src/core/search/topicSearch';

const topic = (id: string, title: string, tags: string[], notes?: string) => ({ id, title, tags, notes, prerequisites: [], resources: [], exercises: [] });
const roadmap: Roadmap = {
  id: 'r', title: 'R', version: '1.0.0', practicalRoad: [], exercises: [],
  layers: [{ id: 'l', number: 1, title: 'L', goal: 'g', topics: [
    topic('linear-algebra', 'Linear algebra', ['math', 'eigenvalues'], 'la.md'),
    topic('transformers', 'Transformers', ['attention'], 'tr.md'),
    topic('lora', 'PEFT and LoRA', ['fine-tuning']),
  ] }],
};
const notes: Record<string, string> = {
  'la.md': '# Linear algebra\nThe **singular value decomposition** factors any matrix.',
  'tr.md': '# Transformers\nSelf-attention with `softmax` over scaled dot products.',
};

it('finds topics by title, tag, notes text, prefix and typo', async () => {
  const s = await TopicSearch.build(new RoadmapIndex(roadmap), async (p) => notes[p]);
  assert.equal(s.search('transformers')[0].id, 'transformers');
  assert.equal(s.search('eigenvalues')[0].id, 'linear-algebra');
  assert.equal(s.search('singular value')[0].id, 'linear-algebra', 'text of the notes');
  assert.equal(s.search('softm')[0].id, 'transformers', 'prefix');
  assert.equal(s.search('atention')[0].id, 'transformers', 'fuzzy');
  assert.equal(s.search('lora')[0].id, 'lora');
  assert.deepEqual(s.search('   '), []);
  assert.deepEqual(s.search('zzzzqqq'), []);
});
