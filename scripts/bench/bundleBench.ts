import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kb, type Row } from './measure';

interface Meta {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Sizes of what ships, from the esbuild metafile, with each bundle's three largest packages. */
export function bundleRows(root: string): Row[] {
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8')) as Meta;
  const rows: Row[] = [];
  const grammars: Array<[string, number]> = [];
  for (const [file, out] of Object.entries(meta.outputs)) {
    if (file.endsWith('.map')) continue;
    // One row for the code languages: each is loaded alone, the first time a note names it.
    if (file.startsWith('dist/languages/')) {
      grammars.push([file.slice('dist/languages/'.length, -'.js'.length), out.bytes]);
      continue;
    }
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'own code';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
    }
    const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([p, b]) => `${p} ${kb(b)}`).join(', ');
    rows.push({ figure: `bundle ${file}`, value: kb(out.bytes), floor: top });
  }
  if (grammars.length) {
    const total = grammars.reduce((sum, [, b]) => sum + b, 0);
    const largest = [...grammars].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, b]) => `${n} ${kb(b)}`).join(', ');
    rows.push({ figure: `bundles dist/languages/*.js: ${grammars.length} highlight.js grammars, each loaded alone when a note first names it (total)`, value: kb(total), floor: `largest: ${largest}` });
  }
  const cli = join(root, 'dist', 'cli.js');
  if (existsSync(cli)) rows.push({ figure: 'dist/cli.js, ai-roadmap-validate (loader, schema validator and outline importer in one file; not in the vsix)', value: kb(statSync(cli).size) });
  const starter = join(root, 'dist', 'starter.json');
  if (existsSync(starter)) rows.push({ figure: 'starter roadmap dist/starter.json (New Roadmap...)', value: kb(statSync(starter).size) });
  const index = readFileSync(join(root, 'dist', 'roadmap.json'));
  rows.push({ figure: 'compiled roadmap index dist/roadmap.json', value: kb(index.length) });
  const pack = join(root, 'dist', 'content.json.zst');
  if (existsSync(pack)) rows.push({ figure: 'content pack dist/content.json.zst (notes, quizzes, templates, solutions; one zstd stream)', value: kb(statSync(pack).size) });
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(root, `${name}-${version}.vsix`);
  if (existsSync(vsix)) rows.push(...vsixRows(root, vsix));
  return rows;
}

interface VsixAreas {
  size: number;
  entries: number;
  areas: Array<{ area: string; files: number; bytes: number; raw: number }>;
  packParts: Array<{ kind: string; files: number; raw: number; share: number }>;
  goalKb: number;
  ceilingKb: number;
}

/** The vsix `npm run package` wrote, and what it spends its bytes on (scripts/vsix-areas.mjs, which the package step prints too). */
function vsixRows(root: string, vsix: string): Row[] {
  const result = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'vsix-areas.mjs'), vsix, '--json'], { encoding: 'utf8' })) as VsixAreas;
  // Before the size work of issue 10 (session 5): 1,746 KB in 89 entries.
  const rows: Row[] = [{ figure: `package ${vsix.slice(root.length + 1)} (the last npm run package), ${result.entries} entries; before: 1746 KB, 89 entries`, value: kb(result.size), goal: `< ${result.goalKb} KB (enforced: ${result.ceilingKb} KB)` }];
  for (const a of result.areas) {
    rows.push({ figure: `  vsix area: ${a.area}${a.files > 1 ? ` (${a.files} files)` : ''}`, value: kb(a.bytes), floor: a.raw ? `${kb(a.raw)} raw` : undefined });
    if (a.area.startsWith('content pack')) for (const p of result.packParts) rows.push({ figure: `    of the pack: ${p.kind} (${p.files} files)`, value: `~${kb(p.share)}`, floor: `${kb(p.raw)} raw` });
  }
  // The goal sits below the floor (scripts/vsix-floor.mjs), so the ratio to it is the figure to hold.
  const floor = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'vsix-floor.mjs'), vsix, '--json'], { encoding: 'utf8' })) as { size: number; floor: number; ratio: number; ours: Array<{ area: string; bytes: number }> };
  const top = floor.ours.slice(0, 4).map((o) => `${o.area} ${kb(o.bytes)}`).join(', ');
  rows.push({ figure: `vsix beside its floor (the content pack and roadmap index as zstd-19 leaves them, library code in the bundles, KaTeX's fonts and CSS); ours costs most in: ${top}`, value: `${kb(floor.size)} (${floor.ratio.toFixed(2)}×)`, floor: kb(floor.floor) });
  return rows;
}
