// `npm run package`: a clean production build packaged as ai-roadmap-<version>.vsix, then its file
// list checked (scripts/check-vsix.mjs) and its size by area printed and held under the ceiling
// (scripts/vsix-areas.mjs). dist/ is removed first, so no stale map or bundle ships.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkVsix } from './check-vsix.mjs';
import { areaLines, overCeiling, vsixAreas } from './vsix-areas.mjs';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${name}-${version}.vsix`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(out, { force: true });
run(process.execPath, ['esbuild.config.mjs', '--production']);
// Every dependency is bundled by esbuild, so node_modules is left out.
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out]);
const { ok } = await checkVsix(out, root);
const areas = await vsixAreas(out);
console.log(areaLines(areas).join('\n'));
const tooBig = overCeiling(areas);
if (tooBig) console.log(tooBig);
process.exit(ok && !tooBig ? 0 : 1);
