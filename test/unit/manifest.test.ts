import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { isStatus } from '../../src/core/progress/progressModel';
import { ROW_KINDS } from '../../src/core/views/elementIds';
import { CONTEXT_KEYS } from '../../src/extension/base/contextKeys';
import { SETTINGS, SETTINGS_SECTION, type SettingName } from '../../src/extension/base/settingsTable';
import { VIEWS } from '../../src/extension/base/viewIds';
import { COMMANDS, commandId, type CommandName } from '../../src/extension/commands/commandTable';
import { repoRoot } from './support/paths';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string; icon?: string }>;
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; contents: string; when?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { default?: unknown; enum?: unknown[] }> };
    walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string; image?: string }; completionEvents: string[] }> }>;
  };
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const sourceFiles = readdirSync(join(repoRoot, 'src'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ path: f.split(sep).join('/'), text: readFileSync(join(repoRoot, 'src', f), 'utf8') }));
const commandIds = (Object.keys(COMMANDS) as CommandName[]).map(commandId);
const contextKeys: string[] = Object.values(CONTEXT_KEYS);
const viewIds: string[] = Object.values(VIEWS);
const whenClauses = [...Object.values(pkg.contributes.menus).flat(), ...pkg.contributes.viewsWelcome].flatMap((i) => (i.when ? [i.when] : []));

describe('package.json and the code agree', () => {
  it('pins @types/vscode to the engine minimum and activates lazily', () => {
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.equal(pkg.devDependencies['@types/vscode'], pkg.engines.vscode.slice(1));
    // onStartupFinished (after the window is up) shows the status bar; never during startup.
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('the walkthrough steps have their media, and complete on commands, views and context keys that exist', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 7);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(repoRoot, media)), `${step.id}: media ${media}`);
      assert.ok(step.completionEvents.length > 0, `${step.id}: completes on an event`);
      for (const e of step.completionEvents) {
        const [kind, name] = e.split(':');
        if (kind === 'onCommand') assert.ok(commandIds.includes(name), `${step.id}: ${e}`);
        else if (kind === 'onView') assert.ok(viewIds.includes(name), `${step.id}: ${e}`);
        else if (kind === 'onContext') assert.ok(contextKeys.includes(name), `${step.id}: the code sets ${name}`);
        else assert.fail(`${step.id}: unexpected event ${e}`);
      }
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commandIds.includes(command) || command.endsWith('.focus'), `${step.id}: button runs ${command}`);
      }
    }
  });

  it('the command table and the contributed commands are the same, each with a title, the category and an icon', () => {
    const contributed = pkg.contributes.commands.map((c) => c.command);
    assert.deepEqual([...commandIds].sort(), [...contributed].sort());
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'AI Roadmap', c.command);
      assert.ok(c.title && c.icon, c.command);
    }
  });

  it('menus and welcome links name commands of the table', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) for (const i of items) assert.ok(commandIds.includes(i.command), `${menu}: ${i.command}`);
    for (const w of pkg.contributes.viewsWelcome) {
      for (const [, command] of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commandIds.includes(command) || command.endsWith('.focus'), `${w.view}: ${command}`);
    }
  });

  it('the command ids are spelled only in the table, and commands are registered only in src/extension/commands', () => {
    for (const f of sourceFiles) {
      // The context key aiRoadmap.hideCompleted shares its name with the command that sets it.
      const ids = f.path === 'extension/base/contextKeys.ts' ? commandIds.filter((id) => !contextKeys.includes(id)) : commandIds;
      for (const id of ids) assert.ok(!f.text.includes(`'${id}'`) && !f.text.includes(`\`${id}\``), `${f.path} spells ${id}`);
      // Features reach each other through services, never through our own commands.
      assert.doesNotMatch(f.text, /executeCommand\(\s*[`'"]aiRoadmap\./, f.path);
      if (/registerCommand\(/.test(f.text)) assert.equal(f.path, 'extension/commands/registerCommands.ts');
    }
  });

  it('the views the code creates are the contributed ones', () => {
    const contributed = Object.values(pkg.contributes.views).flat().map((v) => v.id).sort();
    assert.deepEqual([...viewIds].sort(), contributed);
    const extension = sourceFiles.find((f) => f.path === 'extension/extension.ts')!.text;
    for (const key of Object.keys(VIEWS)) assert.match(extension, new RegExp(`createTreeView\\(VIEWS\\.${key}\\b`));
  });

  it('every context key a when clause names is one the code sets, and each key the code sets is used', () => {
    const named = new Set<string>();
    for (const when of whenClauses) {
      // A name right after == is a value (a view or test controller id), not a key.
      for (const [key] of when.matchAll(/(?<![\w.]|== )aiRoadmap\.[\w]+/g)) if (!viewIds.includes(key)) named.add(key);
    }
    for (const key of named) assert.ok(contextKeys.includes(key), `a when clause names ${key}, which the code never sets`);
    const completions = pkg.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => s.completionEvents));
    for (const key of contextKeys) assert.ok(named.has(key) || completions.includes(`onContext:${key}`), `${key} is set but used nowhere`);
    const setter = sourceFiles.filter((f) => f.text.includes("'setContext'")).map((f) => f.path);
    assert.deepEqual(setter, ['extension/base/editorContext.ts'], 'context keys are set in one place');
  });

  it('menus match on tree rows the presenter makes: a row kind, then a status', () => {
    const kinds: readonly string[] = ROW_KINDS;
    for (const when of whenClauses.filter((w) => !w.includes('view == aiRoadmap.papers'))) {
      for (const [, value] of when.matchAll(/viewItem [!=]= ([\w.-]+)/g)) {
        const [kind, status] = value.split('.');
        assert.ok(kinds.includes(kind) && (status === undefined || isStatus(status)), `${when}: ${value}`);
      }
      for (const [, alternatives] of when.matchAll(/viewItem =~ \/\^\(?([\w|]+)\)?\//g)) {
        for (const kind of alternatives.split('|')) assert.ok(kinds.includes(kind), `${when}: ${kind}`);
      }
    }
  });

  it('the settings table and the contributed settings are the same, with the same defaults and values', () => {
    const contributed = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(SETTINGS).map((n) => `${SETTINGS_SECTION}.${n}`).sort(), Object.keys(contributed).sort());
    for (const [name, spec] of Object.entries(SETTINGS) as Array<[SettingName, { default: unknown; values?: readonly unknown[] }]>) {
      const c = contributed[`${SETTINGS_SECTION}.${name}`];
      assert.deepEqual(c.default, spec.default, name);
      assert.deepEqual(c.enum, spec.values, name);
    }
    // when clauses read settings as config.aiRoadmap.x
    for (const when of whenClauses) for (const [, name] of when.matchAll(/config\.aiRoadmap\.([\w.]+)/g)) assert.ok(name in SETTINGS, `${when}: ${name}`);
  });

  it('settings are read only through the settings module', () => {
    for (const f of sourceFiles) if (f.text.includes('getConfiguration(')) assert.equal(f.path, 'extension/base/settings.ts');
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
