// Checks a packaged vsix against what the extension needs: every bundle, every note, exercise file
// and font that dist/roadmap.json names is present, and nothing else is (no maps, sources, tests or
// caches). Prints the size and the file count. Usage: node scripts/check-vsix.mjs <file.vsix>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yauzl from 'yauzl';

export async function vsixEntries(file) {
  const zip = await new Promise((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  const names = [];
  await new Promise((res, rej) => {
    zip.on('entry', (entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', res);
    zip.on('error', rej);
    zip.readEntry();
  });
  zip.close();
  return names;
}

/** Every file the installed extension may open, as vsix paths. */
function expectedFiles(root) {
  const walk = (dir) => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  const roadmap = JSON.parse(readFileSync(join(root, 'dist', 'roadmap.json'), 'utf8'));
  // vsce writes readme.md and changelog.md in lower case.
  const files = new Set(['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/roadmap.json', 'dist/THIRD_PARTY_NOTICES.md']);
  for (const f of walk('dist')) if (/\.(js|css|woff2)$/.test(f) || f === 'dist/schema/layer.schema.json') files.add(f);
  for (const f of walk('media')) if (f !== 'media/icon.svg') files.add(f);
  for (const layer of roadmap.layers) for (const t of layer.topics) if (t.notes) files.add(`roadmap/${t.notes}`);
  for (const ex of roadmap.exercises) {
    for (const f of walk(join('roadmap', ex.path))) if (!/__pycache__|\.pytest_cache|exercise\.yaml$/.test(f)) files.add(f);
  }
  return [...files].map((f) => `extension/${f.split('\\').join('/')}`);
}

export async function checkVsix(file, root = process.cwd()) {
  const entries = (await vsixEntries(file)).filter((e) => e.startsWith('extension/'));
  const have = new Set(entries);
  const want = new Set(expectedFiles(root));
  const missing = [...want].filter((f) => !have.has(f));
  const unexpected = entries.filter((f) => !want.has(f));
  const size = statSync(file).size;
  console.log(`${relative(root, file)}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files`);
  if (missing.length) console.log(`missing from the vsix:\n  ${missing.join('\n  ')}`);
  if (unexpected.length) console.log(`in the vsix but not expected:\n  ${unexpected.join('\n  ')}`);
  return { ok: !missing.length && !unexpected.length, size, count: entries.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok } = await checkVsix(process.argv[2]);
  process.exit(ok ? 0 : 1);
}
