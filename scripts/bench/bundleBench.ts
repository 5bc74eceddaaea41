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
  const pack = join(root, 'dist', 'content.json');
  if (existsSync(pack)) rows.push({ figure: 'content pack dist/content.json (notes, templates, solutions; one stream in the vsix)', value: kb(statSync(pack).size) });
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(root, `${name}-${version}.vsix`);
  if (existsSync(vsix)) {
    // The zip's end-of-central-directory record (its last 22 bytes) holds the entry count at offset 10.
    const zip = readFileSync(vsix);
    const files = zip.readUInt16LE(zip.length - 22 + 10);
    // Before the size work (issue 10): 1,534 KB and 263 entries.
    rows.push({ figure: `package ${name}-${version}.vsix (npm run package), ${files} entries; before: 1534 KB, 263 entries`, value: kb(statSync(vsix).size), goal: '< 1 MB' });
  }
  return rows;
}
