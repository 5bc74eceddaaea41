import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from './support/paths';

it('no file in src/core imports vscode', () => {
  const dir = join(repoRoot, 'src', 'core');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 3);
  const offenders = files.filter((f) => /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(join(dir, f), 'utf8')));
  assert.deepEqual(offenders, [], 'src/core must stay editor-free');
});

it('no file in src/core imports a Node module, so the core runs in VS Code for the Web', () => {
  const dir = join(repoRoot, 'src', 'core');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  const nodeModule = /(from\s+|require\(\s*|import\(\s*)['"](node:[\w/]+|fs|path|os|crypto|child_process)['"]/;
  const offenders = files.filter((f) => nodeModule.test(readFileSync(join(dir, f), 'utf8')));
  assert.deepEqual(offenders, []);
});
