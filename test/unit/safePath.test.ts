import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { resolveSibling, safeRelativePath } from '../../src/core/safePath';

it('safeRelativePath keeps paths inside their folder', () => {
  assert.equal(safeRelativePath('notes/a.md'), 'notes/a.md');
  assert.equal(safeRelativePath('./notes/../notes/a.md'), 'notes/a.md');
  for (const bad of ['', '..', '../a', 'a/../../b', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a\0b', '.']) {
    assert.equal(safeRelativePath(bad), undefined, bad);
  }
});

it('resolveSibling resolves against the folder of a file', () => {
  assert.equal(resolveSibling('roadmap.yaml', 'layers/a.yaml'), 'layers/a.yaml');
  assert.equal(resolveSibling('sub/roadmap.yaml', 'layers/a.yaml'), 'sub/layers/a.yaml');
  assert.equal(resolveSibling('sub/roadmap.yaml', '../a.yaml'), 'a.yaml');
  assert.equal(resolveSibling('roadmap.yaml', '../a.yaml'), undefined);
});
