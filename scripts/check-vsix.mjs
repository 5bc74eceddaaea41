// Checks a packaged vsix against what the extension needs: every bundle and font is present, every
// font the KaTeX CSS names ships, the content pack inside holds every note and exercise file that
// dist/roadmap.json names (notes, quizzes, exercise files), and nothing else is in the vsix or the pack (no maps, sources, tests,
// caches or stray files). Prints the size and the file count. Usage: node scripts/check-vsix.mjs <file.vsix>
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join, posix, relative } from 'node:path';
import { decompress } from 'fzstd';
import yauzl from 'yauzl';

/** Every entry of a zip (name and sizes), and the bytes of the entries asked for. */
export async function zipIndex(file, read = []) {
  const zip = await new Promise((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  const entries = [];
  const texts = new Map();
  await new Promise((res, rej) => {
    zip.on('entry', (entry) => {
      entries.push({ name: entry.fileName, bytes: entry.compressedSize, raw: entry.uncompressedSize });
      if (!read.includes(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e) return rej(e);
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => {
          texts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', rej);
      });
    });
    zip.on('end', res);
    zip.on('error', rej);
    zip.readEntry();
  });
  zip.close();
  return { entries, texts };
}

/** Every entry name of a zip, and the bytes of the entries asked for. */
export async function vsixEntries(file, read = []) {
  const { entries, texts } = await zipIndex(file, read);
  const names = entries.map((e) => e.name);
  return read.length ? { names, texts } : names;
}

const walk = (root, dir) => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(root, join(dir, d.name)) : [join(dir, d.name).split('\\').join('/')]));

/** Every file the installed extension may open, as vsix paths. */
function expectedFiles(root) {
  // vsce writes readme.md and changelog.md in lower case.
  const files = new Set(['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/roadmap.json', 'dist/content.json.zst', 'dist/starter.json', 'dist/THIRD_PARTY_NOTICES.md']);
  // dist/cli.js is the command-line validator, for CI rather than the editor (.vscodeignore).
  for (const f of walk(root, 'dist')) if ((/\.(js|css|woff2)$/.test(f) && f !== 'dist/cli.js') || f === 'dist/schema/layer.schema.json') files.add(f);
  for (const f of walk(root, 'media')) if (f !== 'media/icon.svg') files.add(f);
  return [...files].map((f) => `extension/${f}`);
}

/** The picture files a note shows with a relative path (the renderer's rule, by a plain scan). */
function notePictures(root, notesPath) {
  const text = readFileSync(join(root, 'roadmap', notesPath), 'utf8');
  const found = [];
  for (const [, src] of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+\.(?:png|jpe?g|gif|webp|avif|svg))>?/gi)) {
    if (/^[a-z][a-z0-9+.-]+:|^\//i.test(src)) continue;
    const rel = posix.normalize(posix.join(posix.dirname(notesPath), decodeURIComponent(src)));
    if (!rel.startsWith('../') && existsSync(join(root, 'roadmap', rel))) found.push(rel);
  }
  return found;
}

/** Every note, picture and exercise file (template and solution) the roadmap names, from the source tree. */
function expectedContent(root, roadmap) {
  const files = new Set();
  for (const layer of roadmap.layers) {
    for (const t of layer.topics) {
      if (t.quiz?.file) files.add(t.quiz.file);
      if (!t.notes) continue;
      files.add(t.notes);
      for (const p of notePictures(root, t.notes)) files.add(p);
    }
  }
  for (const ex of roadmap.exercises) {
    if (!ex.path) continue;
    for (const f of walk(join(root, 'roadmap'), ex.path)) if (!/__pycache__|\.pytest_cache|exercise\.yaml$/.test(f)) files.add(f);
  }
  return files;
}

export async function checkVsix(file, root = process.cwd()) {
  const { names, texts: bytes } = await vsixEntries(file, ['extension/dist/roadmap.json', 'extension/dist/content.json.zst', 'extension/dist/starter.json', 'extension/dist/webview/katex/katex.min.css']);
  const texts = new Map([...bytes].map(([name, b]) => [name, name.endsWith('.zst') ? Buffer.from(decompress(b)).toString('utf8') : b.toString('utf8')]));
  const entries = names.filter((e) => e.startsWith('extension/'));
  const have = new Set(entries);
  const want = new Set(expectedFiles(root));
  for (const [, font] of (texts.get('extension/dist/webview/katex/katex.min.css') ?? '').matchAll(/url\((fonts\/[^)]+)\)/g)) want.add(`extension/dist/webview/katex/${font}`);
  const missing = [...want].filter((f) => !have.has(f));
  const unexpected = entries.filter((f) => !want.has(f));
  const pack = JSON.parse(texts.get('extension/dist/content.json.zst') ?? '{"files":{}}');
  const packed = { ...pack.files, ...pack.binary };
  const content = expectedContent(root, JSON.parse(texts.get('extension/dist/roadmap.json') ?? '{"layers":[],"exercises":[]}'));
  const source = (f) => readFileSync(join(root, 'roadmap', f));
  const notPacked = [...content].filter((f) => (pack.binary && Object.hasOwn(pack.binary, f) ? pack.binary[f] !== source(f).toString('base64') : pack.files[f] !== source(f).toString('utf8')));
  const strayInPack = Object.keys(packed).filter((f) => !content.has(f));
  // The starter New Roadmap writes: every file of starter/, as it is there.
  const starter = JSON.parse(texts.get('extension/dist/starter.json') ?? '{"files":{}}').files;
  const starterSource = walk(join(root, 'starter'), '').filter((f) => !/__pycache__|\.pytest_cache/.test(f));
  const starterWrong = [...new Set([...starterSource, ...Object.keys(starter)])].filter((f) => !starterSource.includes(f) || starter[f] !== readFileSync(join(root, 'starter', f), 'utf8'));
  const size = statSync(file).size;
  console.log(`${relative(root, file)}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files (${Object.keys(packed).length} of them in the content pack)`);
  if (missing.length) console.log(`missing from the vsix:\n  ${missing.join('\n  ')}`);
  if (unexpected.length) console.log(`in the vsix but not expected:\n  ${unexpected.join('\n  ')}`);
  if (notPacked.length) console.log(`missing from the content pack, or not as in roadmap/:\n  ${notPacked.join('\n  ')}`);
  if (strayInPack.length) console.log(`in the content pack but not named by the roadmap:\n  ${strayInPack.join('\n  ')}`);
  if (starterWrong.length) console.log(`the starter roadmap differs from starter/:\n  ${starterWrong.join('\n  ')}`);
  return { ok: !missing.length && !unexpected.length && !notPacked.length && !strayInPack.length && !starterWrong.length, size, count: entries.length, packed: Object.keys(packed).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok } = await checkVsix(process.argv[2]);
  process.exit(ok ? 0 : 1);
}
