import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/paths';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string; icon?: string }>;
    views: Record<string, Array<{ id: string }>>;
    menus: Record<string, Array<{ command: string }>>;
    configuration: { properties: Record<string, unknown> };
    walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string; image?: string }; completionEvents: string[] }> }>;
  };
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const source = readdirSync(join(repoRoot, 'src'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(repoRoot, 'src', f), 'utf8'))
  .join('\n');

describe('package.json and the code agree', () => {
  it('pins @types/vscode to the engine minimum and activates lazily', () => {
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.equal(pkg.devDependencies['@types/vscode'], pkg.engines.vscode.slice(1));
    // onStartupFinished (after the window is up) shows the status bar; never during startup.
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('the walkthrough steps have their media, and complete on commands and views that exist', () => {
    const commands = new Set(pkg.contributes.commands.map((c) => c.command));
    const views = new Set(Object.values(pkg.contributes.views).flat().map((v) => v.id));
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 7);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(repoRoot, media)), `${step.id}: media ${media}`);
      assert.ok(step.completionEvents.length > 0, `${step.id}: completes on an event`);
      for (const e of step.completionEvents) {
        const [kind, name] = e.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${e}`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${e}`);
        else if (kind === 'onContext') assert.ok(source.includes(`'${name}'`), `${step.id}: the code sets ${name}`);
        else assert.fail(`${step.id}: unexpected event ${e}`);
      }
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(command) || command.endsWith('.focus'), `${step.id}: button runs ${command}`);
      }
    }
  });

  it('every registered command is contributed with a title, the category and an icon, and vice versa', () => {
    const registered = new Set([...source.matchAll(/registerCommand\(\s*['"`](aiRoadmap\.[\w.]+)['"`]/g)].map((m) => m[1]));
    for (const [, , name] of source.matchAll(/\[('|")(aiRoadmap\.mark\w+)\1, '/g)) registered.add(name);
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    assert.deepEqual([...registered].filter((c) => !contributed.has(c)).sort(), [], 'registered but not contributed');
    assert.deepEqual([...contributed].filter((c) => !registered.has(c)).sort(), [], 'contributed but not registered');
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'AI Roadmap', c.command);
      assert.ok(c.title && c.icon, c.command);
    }
  });

  it('every tree view the code creates is contributed, and menus name known commands', () => {
    const created = [...source.matchAll(/createTreeView\(\s*'([\w.]+)'/g)].map((m) => m[1]).sort();
    const views = Object.values(pkg.contributes.views).flat().map((v) => v.id).sort();
    assert.deepEqual(created, views);
    const commands = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) for (const i of items) assert.ok(commands.has(i.command), `${menu}: ${i.command}`);
  });

  it('every setting the code reads is contributed', () => {
    const read = new Set([...source.matchAll(/getConfiguration\('aiRoadmap'(?:, [\w]+)?\)\.get<[^>]+>\('([\w.]+)'/g)].map((m) => `aiRoadmap.${m[1]}`));
    const contributed = new Set(Object.keys(pkg.contributes.configuration.properties));
    assert.ok(read.size >= 4);
    for (const s of read) assert.ok(contributed.has(s), s);
  });
});

describe('Schema matching is polite', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { yamlValidation: Array<{ fileMatch: string[]; url: string }>; jsonValidation: Array<{ fileMatch: string[]; url: string }> };
  };

  it("validates only files named as ours, never a stranger's roadmap.yaml", () => {
    const patterns = [...manifest.contributes.yamlValidation, ...manifest.contributes.jsonValidation].flatMap((v) => v.fileMatch);
    assert.ok(patterns.length >= 3);
    for (const p of patterns) assert.match(p, /^\*\.roadmap(-layer)?\.(yaml|json)$/, p);
  });

  it('gives layer files their own schema, built from the roadmap schema', () => {
    const layer = manifest.contributes.yamlValidation.find((v) => v.fileMatch.includes('*.roadmap-layer.yaml'));
    assert.ok(layer);
    const schemaPath = join(repoRoot, layer.url);
    assert.ok(existsSync(schemaPath), `${layer.url} is built`);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { required: string[]; properties: Record<string, unknown>; $defs: Record<string, unknown> };
    assert.ok(schema.properties.topics && schema.$defs.topic, 'a layer with topics, self-contained');
    assert.ok(schema.required.includes('id'));
  });
});
