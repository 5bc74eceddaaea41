import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../../tools/host/codeServer';
import { NotesPanel, PapersView, RoadmapTree, useWorkbench } from './pages';

const fixtures = join(repoRoot, 'test', 'fixtures', 'arxiv');

/** The recorded feeds, one entry per id, served from 127.0.0.1 as the arXiv API would. */
function feedFor(id: string): string {
  const one = readFileSync(join(fixtures, 'one-entry.xml'), 'utf8');
  if (id === '1706.03762') return one;
  const several = readFileSync(join(fixtures, 'several-entries.xml'), 'utf8');
  const entry = several.match(/<entry>[\s\S]*?<\/entry>/g)!.find((e) => e.includes(`/abs/${id}v`));
  return entry ? one.replace(/<entry>[\s\S]*<\/entry>/, entry) : readFileSync(join(fixtures, 'empty.xml'), 'utf8');
}

const requests: string[] = [];
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
  res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(feedFor(id));
});
const listening = new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
after(() => {
  server.closeAllConnections();
  server.close();
});

describe('The Papers view in real VS Code', async () => {
  const port = await listening;
  const workbench = useWorkbench({ settings: { 'aiRoadmap.papers.arxivApiUrl': `http://127.0.0.1:${port}/api`, 'aiRoadmap.papers.monthlyNudge': true } });

  it('adds papers by id, marks a pass, ticks the month’s checklist, and adds a paper from a note’s references', async () => {
    const wb = workbench();
    const tree = new RoadmapTree(wb);
    await tree.open();
    const papers = new PapersView(wb);
    await papers.expand();
    await papers.row(/^This month: /).waitFor({ timeout: 90_000 });

    await papers.addPaper('1706.03762', 'Attention Is All You Need');
    await papers.addPaper('https://arxiv.org/abs/2106.09685v2', 'LoRA: Low-Rank Adaptation of Large Language Models');
    await papers.addPaper('arXiv:2305.18290', /^Direct Preference Optimization/);
    assert.equal(requests.length, 3, 'one request per paper added');

    await wb.runCommandAndPick('AI Roadmap: Mark Next Pass', 'LoRA: Low-Rank Adaptation');
    await papers.row(/^First pass/).waitFor({ timeout: 60_000 });
    await papers.tick(/^Scan a feed/);
    await papers.waitDescription(/^This month: /, /^1 of 3 · streak 0 months$/);
    assert.match(await papers.description(/^Read 2 papers/), /^1 of 2 so far/);

    await wb.runCommandAndPick('AI Roadmap: Open Notes', 'Multimodal understanding and world models');
    const notes = await NotesPanel.find(wb, 'Multimodal understanding and world models');
    const add = notes.addPaperButton('World Models');
    await add.scrollIntoViewIfNeeded();
    await add.click();
    await papers.row('World Models').waitFor({ timeout: 60_000 });
    await notes.paperListed('1803.10122').waitFor({ timeout: 60_000 });
    assert.equal(requests.length, 3, 'a reference is added from the note, without a request');

    // The picture for the README: the notes' references beside the Papers view (Roadmap folded away).
    await wb.setViewExpanded(/^Roadmap/, false);
    await notes.paperListed('1803.10122').scrollIntoViewIfNeeded();
    await papers.row('LoRA: Low-Rank Adaptation of Large Language Models').waitFor({ timeout: 60_000 });
    await wb.screenshot('papers-view');
  });
});
