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
