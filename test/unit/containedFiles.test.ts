import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listTemplate } from '../../src/core/exercises/templateFiles';
import { budgetedRoadmapFiles } from '../../src/core/loading/budgetedRoadmapFiles';
import { FileRefused } from '../../src/core/loading/containedFiles';
import { loadRoadmap, type LoadResult } from '../../src/core/loading/loadRoadmap';
import { nodeContainedFiles } from '../../src/node/containedFiles';
import { nodeRoadmapFiles } from '../../src/node/roadmapFiles';
import { fixture } from './support/paths';

/** A real folder with a secret beside it, outside. */
function sandbox() {
  const top = mkdtempSync(join(tmpdir(), 'ai-roadmap-contained-'));
  const root = join(top, 'roadmap');
  mkdirSync(root);
  writeFileSync(join(top, 'secret.txt'), 'TOP SECRET\n');
  return { top, root };
}

async function refusedWith(p: Promise<unknown>, re: RegExp) {
  await assert.rejects(p, (e: unknown) => e instanceof FileRefused && re.test(e.message));
}

/** A promise that must settle within a generous budget (a hang fails instead of blocking the run). */
function settles<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${what} did not finish within 60 s`)), 60_000)));
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

function problemsOf(r: LoadResult): string {
  assert.equal(r.ok, false, 'the roadmap is refused');
  return r.ok ? '' : r.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
}

describe('files stay in their folder', () => {
  it('reads a plain file and follows a link that stays inside', async () => {
    const { root } = sandbox();
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'a.md'), 'hello');
    symlinkSync('a.md', join(root, 'notes', 'b.md'));
    const files = nodeContainedFiles(root);
    assert.equal(new TextDecoder().decode(await files.read('notes/b.md', 100)), 'hello');
    assert.equal(await files.read('notes/missing.md', 100), undefined);
    assert.equal(await files.kind('notes'), 'directory');
  });

  it('refuses a link that leads outside, a dangling one, and a folder linked outside', async () => {
    const { top, root } = sandbox();
    symlinkSync(join(top, 'secret.txt'), join(root, 'note.md'));
    symlinkSync(join(top, 'nowhere'), join(root, 'dangling.md'));
    symlinkSync(top, join(root, 'up'));
    const files = nodeContainedFiles(root);
    await refusedWith(files.read('note.md', 100), /"note\.md" is a link that leads outside the roadmap folder/);
    await refusedWith(files.read('dangling.md', 100), /leads outside/);
    await refusedWith(files.read('up/secret.txt', 100), /leads outside/);
    await refusedWith(files.size('up'), /leads outside/);
    await refusedWith(files.list('up'), /leads outside/);
  });

  it('reads only regular files: a FIFO and a link to /dev/zero are refused at once', async () => {
    const { root } = sandbox();
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const files = nodeContainedFiles(root);
    await settles(refusedWith(files.read('pipe.yaml', 100), /not a regular file/), 'reading a FIFO');
    // A link to a device outside is refused as outside; the device itself as not regular.
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    await refusedWith(files.read('zero.yaml', 100), /leads outside/);
    await refusedWith(nodeContainedFiles('/dev').read('zero', 100), /not a regular file/);
  });

  it('caps each read and the whole load', async () => {
    const { root } = sandbox();
    writeFileSync(join(root, 'big.md'), 'x'.repeat(5000));
    writeFileSync(join(root, 'a.yaml'), 'y'.repeat(600));
    writeFileSync(join(root, 'b.yaml'), 'z'.repeat(600));
    await refusedWith(nodeContainedFiles(root).read('big.md', 4999), /larger than/);
    assert.equal((await nodeContainedFiles(root).read('big.md', 5000))?.byteLength, 5000);
    const budgeted = budgetedRoadmapFiles(nodeContainedFiles(root), 1000, 800);
    assert.equal((await budgeted.readText('a.yaml'))?.length, 600);
    await refusedWith(budgeted.readText('b.yaml'), /together may be at most/);
  });

  it('checks where a write would land, through links to folders', async () => {
    const { top, root } = sandbox();
    mkdirSync(join(root, 'exercises'));
    symlinkSync(top, join(root, 'exercises', 'escape'));
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'exercises', 'inside'));
    const ws = nodeContainedFiles(root, 'the workspace folder');
    await refusedWith(ws.checkWritable('exercises/escape'), /leads outside the workspace folder/);
    await refusedWith(ws.checkWritable('exercises/escape/new/file.py'), /leads outside/);
    await ws.checkWritable('exercises/inside/file.py');
    await ws.checkWritable('exercises/not-yet/deep/file.py');
    symlinkSync(join(top, 'secret.txt'), join(root, 'real', 'main.py'));
    await refusedWith(ws.checkWritable('exercises/inside/main.py'), /leads outside/);
  });

  it('lists a template without following links, so two link loops end', async () => {
    const { top, root } = sandbox();
    const tpl = join(root, 'ex', 'template');
    mkdirSync(join(tpl, 'pkg'), { recursive: true });
    writeFileSync(join(tpl, 'main.py'), 'print(1)\n');
    writeFileSync(join(tpl, 'pkg', 'util.py'), '\n');
    symlinkSync('..', join(tpl, 'pkg', 'loop'));
    symlinkSync('.', join(tpl, 'self'));
    symlinkSync(join(top, 'secret.txt'), join(tpl, 'secret.txt'));
    const listing = await settles(listTemplate(nodeContainedFiles(root), 'ex/template'), 'listing a template with loops');
    assert.deepEqual(listing.files, ['main.py', 'pkg/util.py']);
    assert.deepEqual(listing.left.sort(), ['pkg/loop', 'secret.txt', 'self']);
  });

  it('a template file or folder with a Windows device name is refused with a sentence', async () => {
    for (const [made, shown] of [['aux.py', 'file "aux.py"'], ['pkg/Com1/x.py', 'folder "pkg/Com1"']] as const) {
      const { root } = sandbox();
      const tpl = join(root, 'ex', 'template');
      mkdirSync(join(tpl, made, '..'), { recursive: true });
      writeFileSync(join(tpl, 'main.py'), 'x = 1\n');
      writeFileSync(join(tpl, made), 'y = 2\n');
      await assert.rejects(listTemplate(nodeContainedFiles(root), 'ex/template'), (e: Error) => e.message.startsWith(`The template's ${shown} is a device name on Windows`) && /Nothing was scaffolded\.$/.test(e.message));
    }
  });

  it('a template folder linked outside the roadmap is refused', async () => {
    const { top, root } = sandbox();
    mkdirSync(join(root, 'ex'));
    symlinkSync(top, join(root, 'ex', 'template'));
    await refusedWith(listTemplate(nodeContainedFiles(root), 'ex/template'), /leads outside/);
  });
});

describe('the loader on hostile folders', () => {
  const copyValid = () => {
    const s = sandbox();
    cpSync(fixture('roadmaps', 'valid'), s.root, { recursive: true });
    return s;
  };

  it('a note linked outside is reported, not read', async () => {
    const { top, root } = copyValid();
    const note = join(root, 'notes', 'intro.md');
    execFileSync('rm', [note]);
    symlinkSync(join(top, 'secret.txt'), note);
    const text = problemsOf(await loadRoadmap(nodeRoadmapFiles(root)));
    assert.match(text, /notes\/intro\.md" is a link that leads outside the roadmap folder/);
    assert.doesNotMatch(text, /TOP SECRET/);
  });

  it('a layer that is a FIFO or linked to /dev/zero ends the load with a sentence', async () => {
    for (const make of [(p: string) => execFileSync('mkfifo', [p]), (p: string) => symlinkSync('/dev/zero', p)]) {
      const { root } = copyValid();
      const layer = join(root, 'layers', 'basics.yaml');
      execFileSync('rm', [layer]);
      make(layer);
      const text = problemsOf(await settles(loadRoadmap(nodeRoadmapFiles(root)), 'loading a roadmap with a special layer file'));
      assert.match(text, /layers\/basics\.yaml" (is not a regular file|is a link that leads outside)/);
    }
  });

  it('a layer linked inside the folder still loads', async () => {
    const { root } = copyValid();
    const layer = join(root, 'layers', 'basics.yaml');
    writeFileSync(join(root, 'basics-real.yaml'), readFileSync(layer));
    execFileSync('rm', [layer]);
    symlinkSync('../basics-real.yaml', layer);
    const r = await loadRoadmap(nodeRoadmapFiles(root));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  });
});
