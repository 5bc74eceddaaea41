import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { useWorkbench } from './pages';

describe('Scaffolding an exercise in real VS Code', () => {
  const workbench = useWorkbench();

  it('from the command palette: the files land in exercises/<id> and the README and main file open', async () => {
    const wb = workbench();
    await wb.runCommandAndPick('AI Roadmap: Scaffold Exercise...', 'Logistic regression from scratch');
    await wb.editorTab('Preview README.md').waitFor({ timeout: 90_000 });
    await wb.editorTab('logistic_regression.py').waitFor({ timeout: 90_000 });
    const folder = join(wb.workspace, 'exercises', 'logistic-regression-numpy');
    for (const f of ['README.md', 'logistic_regression.py', 'test_logistic_regression.py']) assert.ok(existsSync(join(folder, f)), f);
    await wb.screenshot('exercise-scaffolded');
  });
});
