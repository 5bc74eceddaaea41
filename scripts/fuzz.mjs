// `npm run test:fuzz` (not part of `npm test`): the hostile-input property tests with twenty times
// the runs of `npm run test:unit`, and the bound tests at the issue's own sizes. Build first
// (`npm run build:tests`).
import { spawnSync } from 'node:child_process';

const files = ['progressIds', 'boundedWork', 'renderBounds'].map((f) => `out/test/unit/${f}.test.js`);
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { stdio: 'inherit', env: { ...process.env, AI_ROADMAP_FUZZ: '1' } });
process.exit(run.status ?? 1);
