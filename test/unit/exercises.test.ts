import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installHint } from '../../src/core/exercises/pytestReport';
import { defaultExerciseFolder, planScaffold } from '../../src/core/exercises/scaffoldPlan';
import { parseExerciseManifest } from '../../src/core/loading/exerciseManifest';

describe('scaffold plan', () => {
  const files = ['README.md', 'mlp.py', 'tests/test_mlp.py'];
  it('writes new files, and skips or overwrites existing ones as chosen', () => {
    assert.deepEqual(planScaffold(files, new Set(), 'skip'), { write: files, skip: [], overwrite: [] });
    assert.deepEqual(planScaffold(files, new Set(['mlp.py']), 'skip'), { write: ['README.md', 'tests/test_mlp.py'], skip: ['mlp.py'], overwrite: [] });
    assert.deepEqual(planScaffold(files, new Set(['mlp.py']), 'overwrite').overwrite, ['mlp.py']);
  });
  it('refuses template paths and ids that leave the target folder', () => {
    for (const bad of ['../evil.py', '/etc/passwd', 'a/../../b']) assert.throws(() => planScaffold([bad], new Set(), 'skip'), /outside the exercise folder/);
    assert.equal(defaultExerciseFolder('pytorch-mlp'), 'exercises/pytorch-mlp');
    for (const bad of ['../x', 'a/b', '']) assert.throws(() => defaultExerciseFolder(bad));
  });
});

describe('exercise manifest', () => {
  it('reads a valid manifest and reports a broken one in words', () => {
    const ok = parseExerciseManifest('exercise.yaml', 'id: x\nmain: x.py\nrequires: [numpy]\nhints: [a, b]\n', 'x');
    assert.deepEqual(ok.template, { main: 'x.py', requires: ['numpy'], timeoutSeconds: 120, hints: ['a', 'b'] });
    const bad = parseExerciseManifest('exercise.yaml', 'id: y\nmain: ../x.py\ntimeoutSeconds: -1\n', 'x');
    assert.equal(bad.template, undefined);
    assert.equal(bad.problems.length, 3);
  });
});

describe('install hints', () => {
  it('says how to install a missing module with pip and with Debian packages', () => {
    assert.match(installHint('sklearn'), /pip install scikit-learn or sudo apt-get install python3-sklearn/);
  });
});
