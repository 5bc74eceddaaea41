import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkImageFile, imageAddress, imagePathInRoadmap, MAX_IMAGE_BYTES, MAX_NOTE_IMAGES, resolveNoteImages, type ImageLookup } from '../../src/core/render/noteImages';
import { notePictureFiles } from '../../src/core/render/notePictureFiles';
import { createNotesRenderer } from '../../src/core/render/renderNotes';
import { nodeContainedFiles } from '../../src/node/containedFiles';

const render = createNotesRenderer();
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';

/** A roadmap folder with pictures of every kind, hostile ones included, and a secret picture beside it. */
function roadmapFolder() {
  const top = mkdtempSync(join(tmpdir(), 'ai-roadmap-images-'));
  const root = join(top, 'roadmap');
  mkdirSync(join(root, 'notes', 'layer', 'pics'), { recursive: true });
  const put = (rel: string, data: string | Uint8Array) => writeFileSync(join(root, rel), data);
  put('notes/layer/pics/chart.png', PNG);
  put('notes/layer/pics/my chart.png', PNG);
  put('notes/layer/pics/a"quote\'s.png', PNG);
  put('notes/layer/pics/图表-ü.svg', SVG);
  put('notes/layer/pics/%2e%2e.png', PNG);
  put('notes/layer/pics/fake.png', 'not a png at all');
  put('notes/layer/pics/notes.txt', 'text');
  put('notes/shared.svg', SVG);
  mkdirSync(join(root, 'notes', 'layer', 'pics', 'folder.png'));
  writeFileSync(join(top, 'secret.png'), PNG);
  symlinkSync(join(top, 'secret.png'), join(root, 'notes', 'layer', 'pics', 'out.png'));
  symlinkSync('chart.png', join(root, 'notes', 'layer', 'pics', 'inside-link.png'));
  writeFileSync(join(root, 'notes', 'layer', 'pics', 'huge.png'), Buffer.concat([Buffer.from(PNG), Buffer.alloc(MAX_IMAGE_BYTES)]));
  execFileSync('mkfifo', [join(root, 'notes', 'layer', 'pics', 'pipe.png')]);
  return root;
}

/** Renders a note at notes/layer/topic.md and resolves its pictures against `root` as the notes panel does. */
async function show(root: string, markdown: string): Promise<string> {
  const files = nodeContainedFiles(root);
  const lookup: ImageLookup = async (rel) => {
    const checked = await checkImageFile(files, rel);
    return checked.ok ? { uri: `https://resource.test/${encodeURI(rel)}` } : { refused: checked.reason };
  };
  return resolveNoteImages(render(markdown), 'notes/layer/topic.md', lookup);
}

/** The <img> elements and the sentences of pictures not shown, in order. */
function pictures(html: string) {
  return {
    shown: [...html.matchAll(/<img class="note-image" src="([^"]*)" alt="([^"]*)"/g)].map((m) => ({ src: m[1], alt: m[2] })),
    refused: [...html.matchAll(/<span class="note-image-refused">([^<]*)<\/span>/g)].map((m) => m[1]),
    links: [...html.matchAll(/<span class="note-image-link">[^<]*<a href="([^"]*)" data-external="true">/g)].map((m) => m[1]),
  };
}

describe('pictures in notes', () => {
  it('reads addresses: files relative to the note, web addresses, and refuses every other scheme', () => {
    assert.deepEqual(imageAddress('pics/chart.png'), { kind: 'file', path: 'pics/chart.png' });
    assert.deepEqual(imageAddress('my%20chart.png?v=2#x'), { kind: 'file', path: 'my chart.png' });
    assert.deepEqual(imageAddress('%2e%2e/%2e%2e/secret.png'), { kind: 'file', path: '../../secret.png' });
    assert.deepEqual(imageAddress('https://example.org/a.png'), { kind: 'web', url: 'https://example.org/a.png' });
    assert.deepEqual(imageAddress('HTTP://example.org/a.png'), { kind: 'web', url: 'HTTP://example.org/a.png' });
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd.png', 'vscode://x/y.png', 'command:foo', '//evil.example/x.png', '%E0%A4%A.png', '']) {
      assert.equal(imageAddress(bad).kind, 'refused', bad);
    }
    assert.deepEqual(imagePathInRoadmap('notes/layer/topic.md', '../shared.svg'), { rel: 'notes/shared.svg' });
    for (const bad of ['../../../secret.png', '/etc/x.png', 'C:/x.png', 'pics\\chart.png', 'a\0.png', 'notes.txt', 'script.svg.js', 'noextension']) {
      assert.ok('refused' in imagePathInRoadmap('notes/layer/topic.md', bad), bad);
    }
  });

  it('shows files inside the roadmap folder, whatever their names, through the lookup', async () => {
    const root = roadmapFolder();
    const html = await show(
      root,
      [
        '![A chart](pics/chart.png "The \\"title\\"")',
        '![Spaces](<pics/my chart.png>) ![Encoded](pics/my%20chart.png)',
        `![Quotes](<pics/a"quote's.png>)`,
        '![Unicode](pics/图表-ü.svg)',
        '![Literal percent](pics/%252e%252e.png)',
        '![Up one](../shared.svg) ![Link inside](pics/inside-link.png)',
      ].join('\n\n'),
    );
    const { shown, refused } = pictures(html);
    assert.deepEqual(refused, []);
    assert.deepEqual(
      shown.map((s) => s.alt),
      ['A chart', 'Spaces', 'Encoded', 'Quotes', 'Unicode', 'Literal percent', 'Up one', 'Link inside'],
    );
    assert.equal(shown[0].src, 'https://resource.test/notes/layer/pics/chart.png');
    assert.match(html, /title="The &#34;title&#34;"/);
    assert.equal(shown[3].src, 'https://resource.test/notes/layer/pics/a%22quote\'s.png'.replace("'", '&#39;'));
    assert.equal(shown[5].src, 'https://resource.test/notes/layer/pics/%252e%252e.png');
    assert.equal(shown[6].src, 'https://resource.test/notes/shared.svg');
  });

  it('refuses what is not a picture inside the folder, with the alt text and a sentence why', async () => {
    const root = roadmapFolder();
    const cases: Array<[string, RegExp]> = [
      ['![Escape](../../../secret.png)', /leads outside the roadmap folder/],
      ['![Encoded escape](%2e%2e/%2e%2e/%2e%2e/secret.png)', /leads outside the roadmap folder/],
      ['![Symlink out](pics/out.png)', /is a link that leads outside the roadmap folder/],
      ['![Absolute](/etc/passwd.png)', /is not a relative path inside the roadmap folder/],
      ['![Missing](pics/nope.png)', /does not exist in the roadmap folder/],
      ['![Fake](pics/fake.png)', /does not hold a PNG picture/],
      ['![Text](pics/notes.txt)', /is not a picture: shown are \.png/],
      ['![Folder](pics/folder.png)', /is a folder, not a picture/],
      ['![Pipe](pics/pipe.png)', /is not a regular file/],
      ['![Huge](pics/huge.png)', /is larger than 5 MB, the most shown for one picture/],
      ['![Script](javascript:alert(1))', /is neither a web address nor a file in the roadmap folder/],
      ['![Data](data:image/svg+xml;base64,PHN2Zz4=)', /is neither a web address nor a file/],
      ['![File](file:///etc/hosts.png)', /is neither a web address nor a file/],
      ['![Other host](//evil.example/x.png)', /names another computer/],
      ['![NUL](pics/a%00.png)', /is not a relative path/],
    ];
    const html = await show(root, cases.map(([md]) => md).join('\n\n'));
    const { shown, refused } = pictures(html);
    assert.deepEqual(shown, [], 'nothing of these is shown');
    assert.equal(refused.length, cases.length);
    cases.forEach(([md, sentence], i) => {
      const alt = /!\[([^\]]*)\]/.exec(md)![1];
      assert.match(refused[i], new RegExp(`^Picture “${alt}” not shown\\. `), md);
      assert.match(refused[i], sentence, md);
    });
  });

  it('shows a web picture as a link with its address and never loads it', async () => {
    const html = await show(roadmapFolder(), '![Logo](https://example.org/logo.png) ![](http://example.org/x.svg)');
    assert.deepEqual(pictures(html).links, ['https://example.org/logo.png', 'http://example.org/x.svg']);
    assert.match(html, /Picture “Logo” on the web, not loaded: <a href="https:\/\/example.org\/logo.png" data-external="true">https:\/\/example.org\/logo.png<\/a>/);
    assert.match(html, /A picture on the web, not loaded: /);
    assert.doesNotMatch(html, /<img/);
  });

  it('escapes alt texts and titles, and the renderer alone writes no element that loads anything', async () => {
    const md = '![<img src=x onerror=alert(1)> "q"](pics/chart.png "\\" onload=\\"alert(1)") ![x](x" onerror="alert(1))';
    const raw = render(md);
    for (const [tag] of raw.matchAll(/<[a-zA-Z][^>]*>/g)) assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /^<img|\ssrc=/, 'the renderer writes markers, not images');
    const html = await show(roadmapFolder(), md);
    // Attribute names only: escaped values may say anything.
    for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /\son[a-z]+\s*=/i, tag);
    assert.match(html, /alt="&lt;img src=x onerror=alert\(1\)&gt; &#34;q&#34;"|alt="&#60;img src=x onerror=alert\(1\)&#62; &#34;q&#34;"/);
  });

  it(`shows at most ${MAX_NOTE_IMAGES} pictures of a note and checks each file once`, async () => {
    let lookups = 0;
    const lookup: ImageLookup = async (rel) => {
      lookups++;
      return { uri: `https://resource.test/${rel}` };
    };
    const html = await resolveNoteImages(render(Array.from({ length: MAX_NOTE_IMAGES + 5 }, () => '![p](a.png)').join(' ')), 'notes/t.md', lookup);
    assert.equal(pictures(html).shown.length, MAX_NOTE_IMAGES);
    assert.equal(pictures(html).refused.length, 5);
    assert.equal(lookups, 1);
  });

  it('lists the picture files a note shows, for the built-in content pack', () => {
    const md = '![a](pics/a.png) ![b](../up.svg) ![c](https://x.org/c.png) ![d](../../../out.png) ![e](pics/a.png) `![f](code.png)`';
    assert.deepEqual(notePictureFiles(md, 'notes/layer/t.md').sort(), ['notes/layer/pics/a.png', 'notes/up.svg']);
  });
});
