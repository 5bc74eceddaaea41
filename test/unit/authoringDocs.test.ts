import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AUTHORING_DOC, END, fieldReference, schemaReference, START, withReference } from '../../scripts/authoring-reference';
import { importOutline } from '../../src/core/authoring/outlineImport';
import { loadRoadmap } from '../../src/core/loading/loadRoadmap';
import { memoryFiles } from './support/memoryFiles';
import { repoRoot } from './support/paths';

const doc = () => readFileSync(join(repoRoot, AUTHORING_DOC), 'utf8');

/** The `nth` fenced block of `lang` after the heading `heading`. */
function blockAfter(heading: string, lang: string, nth = 0): string {
  const text = doc();
  const from = text.indexOf(`\n## ${heading}\n`);
  assert.ok(from >= 0, `the section "${heading}"`);
  const m = [...text.slice(from).matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``, 'g'))][nth];
  assert.ok(m, `yaml block ${nth} in "${heading}"`);
  return m[1];
}

describe('docs/authoring.md', () => {
  it('has the field reference the schemas give (run `npm run docs:authoring` after changing a schema)', () => {
    const text = doc();
    assert.equal(withReference(text, fieldReference(repoRoot)), text, 'the field reference differs from media/schema: run npm run docs:authoring');
    assert.ok(text.indexOf(START) < text.indexOf(END));
  });

  it('would notice a change: every field of every object is a row, with its type and whether it is required', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'media', 'schema', 'roadmap.schema.json'), 'utf8'));
    schema.$defs.topic.properties.difficulty = { enum: ['easy', 'hard'], description: 'How hard it is.' };
    schema.$defs.topic.required.push('difficulty');
    const changed = schemaReference(schema, 'Roadmap', 'media/schema/roadmap.schema.json');
    assert.match(changed, /\| `difficulty` \| one of `easy`, `hard` \| yes \| How hard it is\. \|/);
    assert.notEqual(withReference(doc(), changed), doc());
    for (const [name, def] of Object.entries(schema.$defs as Record<string, { properties?: Record<string, unknown> }>)) {
      for (const field of Object.keys(def.properties ?? {}).filter((f) => f !== '$schema')) assert.match(changed, new RegExp(`\\| \`${field.replace('$', '\\$')}\` \\|`), `${name}.${field}`);
    }
  });

  it('gives a minimal example, and a fuller one with a sub-topic, that load without a problem', async () => {
    const minimal = await loadRoadmap(memoryFiles({ 'roadmap.yaml': blockAfter('A minimal example', 'yaml') }));
    assert.ok(minimal.ok, JSON.stringify(!minimal.ok && minimal.problems));
    assert.deepEqual(minimal.warnings, []);
    const fuller = await loadRoadmap(memoryFiles({ 'roadmap.yaml': blockAfter('A minimal example', 'yaml', 1), 'notes/web-basics/html.md': '# HTML\n' }));
    assert.ok(fuller.ok, JSON.stringify(!fuller.ok && fuller.problems));
    assert.deepEqual(fuller.warnings, []);
  });

  it("gives an outline example the importer reads without a remark", () => {
    const { remarks, counts } = importOutline(blockAfter('From an outline', 'markdown'), { title: 'Example' });
    assert.deepEqual(remarks, []);
    assert.deepEqual(counts, { layers: 1, topics: 1, subtopics: 1, resources: 2 });
  });

  it('is linked from the README', () => {
    assert.match(readFileSync(join(repoRoot, 'README.md'), 'utf8'), /\]\(docs\/authoring\.md\)/);
  });
});
