import * as assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dirname, isAbsolute, join, normalize } from '../../src/core/util/posixPath';

const segment = fc.constantFrom('a', 'b', 'notes', '.', '..', '', 'x.md', 'a b');
const path = fc.array(segment, { maxLength: 6 }).map((s) => s.join('/'));

describe('posixPath agrees with node:path posix (the core runs on the web without it)', () => {
  it('normalize, join, dirname and isAbsolute on random paths', () => {
    fc.assert(
      fc.property(path, path, fc.boolean(), (a, b, abs) => {
        const p = abs ? `/${a}` : a;
        assert.equal(normalize(p), posix.normalize(p), `normalize(${JSON.stringify(p)})`);
        assert.equal(join(p, b), posix.join(p, b), `join(${JSON.stringify(p)}, ${JSON.stringify(b)})`);
        assert.equal(dirname(p), posix.dirname(p), `dirname(${JSON.stringify(p)})`);
        assert.equal(isAbsolute(p), posix.isAbsolute(p));
      }),
      { numRuns: 2000 },
    );
  });
});
