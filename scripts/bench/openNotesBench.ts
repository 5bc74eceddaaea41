import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownPreviewFrame, NotesPanel, RoadmapTree, Workbench } from '../../test/ui/pages';
import { ms, type Row } from './measure';

/**
 * From a click on a topic in the tree to its heading in the notes panel, in the real host (a new
 * panel each time); the floor is VS Code's own Markdown preview opening a note, in the same window.
 */
export async function openNotesRows(topics: Array<{ layer: RegExp; title: string }>): Promise<Row[]> {
  // The floor's notes exist before the window opens, so Go to File finds them.
  const floorNotes = mkdtempSync(join(tmpdir(), 'bench-notes-'));
  topics.slice(0, 3).forEach(({ title }, i) => writeFileSync(join(floorNotes, `note-${i + 1}.md`), `# ${title}\n\nSome text $x^2$.\n`));
  const wb = await Workbench.open({ copy: { notes: floorNotes } });
  const ours: number[] = [];
  const reuse: number[] = [];
  const floor: number[] = [];
  try {
    const tree = new RoadmapTree(wb);
    await tree.open();
    for (const { layer, title } of topics) {
      await wb.runCommand('View: Close All Editors');
      await tree.expand(layer);
      const row = tree.row(title);
      await row.waitFor();
      const t0 = Date.now();
      await row.click();
      await NotesPanel.find(wb, title, 10_000).catch(async (e) => {
        await wb.screenshot('bench-failure');
        throw e;
      });
      ours.push(Date.now() - t0);
      // Then the next topic in the panel that is now open: the common case while browsing.
      const next = await tree.rowAfter(title);
      const t1 = Date.now();
      await next.row.click();
      await NotesPanel.find(wb, next.label, 10_000);
      reuse.push(Date.now() - t1);
      await tree.collapse(layer); // so the next layer's rows are in view
    }
    for (const [i, { title }] of topics.slice(0, 3).entries()) {
      const name = `note-${i + 1}.md`;
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('Go to File...');
      await wb.pickQuickItem(name);
      await wb.editorTextArea().waitFor();
      const t0 = Date.now();
      await wb.page.keyboard.press('Control+Shift+V'); // Markdown: Open Preview
      await markdownPreviewFrame(wb.page, title, 10_000);
      floor.push(Date.now() - t0);
    }
  } finally {
    await wb.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [
    {
      figure: `click a topic to visible notes, new panel (median of ${ours.length})`,
      value: ms(median(ours)),
      floor: `built-in Markdown preview: ${ms(median(floor))}`,
      ratio: `${(median(ours) / median(floor)).toFixed(2)}x`,
      goal: '< 500 ms',
    },
    { figure: `click a topic to visible notes, panel open (median of ${reuse.length})`, value: ms(median(reuse)), goal: '< 500 ms' },
  ];
}
