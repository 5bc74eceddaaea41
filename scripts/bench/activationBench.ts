import { RoadmapTree, Workbench } from '../../test/ui/pages';
import { ms, type Row } from './measure';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Activation time as VS Code reports it in "Developer: Show Running Extensions" (code loading plus
 * the activate call), for this extension and for the built-in Markdown language features in the
 * same window; median of `runs` fresh windows. Ours activates at startup (onStartupFinished), so
 * the figure is that startup activation. Issue 10's goal: at most 0.25x Markdown's.
 */
export async function activationRows(runs = 5): Promise<Row[]> {
  const ours: number[] = [];
  const markdown: number[] = [];
  const labels = new Set<string>();
  // A window that fails to load on a loaded machine is tried again, up to `runs` extra windows.
  for (let tries = 0; ours.length < runs && tries < 2 * runs; tries++) {
    const wb = await Workbench.open().catch((e: Error) => (console.error(`a window did not open: ${e.message.split('\n')[0]}`), undefined));
    if (!wb) continue;
    try {
      await new RoadmapTree(wb).open();
      await wb.runCommand('Go to File...');
      await wb.pickQuickItem('README.md');
      await wb.runCommand('Developer: Show Running Extensions');
      const read = async (name: string | RegExp) => {
        const text = await wb.runningExtensionActivationTime(name);
        return { text, ms: Number(text.match(/([\d.]+)\s*ms/)?.[1] ?? NaN) };
      };
      // A development extension is listed by its id, not its display name.
      const o = await read('ai-roadmap.ai-roadmap');
      labels.add(o.text.replace(/[\d.]+\s*ms/, '').trim());
      const m = await read('Markdown Language Features');
      // A row that shows no time yet (still activating) gives no pair: a NaN would make the median NaN.
      if (Number.isNaN(o.ms) || Number.isNaN(m.ms)) throw new Error(`no time to read: "${o.text}" / "${m.text}"`);
      ours.push(o.ms);
      markdown.push(m.ms);
    } catch (e) {
      console.error(`a window gave no figure: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await wb.close();
    }
  }
  const ratios = ours.map((o, i) => o / markdown[i]);
  return [
    {
      figure: `activation in VS Code 1.100.3 ("${[...labels].join('", "')}"; median of ${ours.length})`,
      value: ms(median(ours)),
      floor: `built-in Markdown: ${ms(median(markdown))}`,
      ratio: `${(median(ours) / median(markdown)).toFixed(2)}x`,
      goal: '≤ 0.25x',
    },
    {
      figure: `  each window, ours / Markdown: ${ours.map((o, i) => `${o}/${markdown[i]}`).join(', ')} ms`,
      value: '',
      ratio: `${median(ratios).toFixed(2)}x`,
      goal: '≤ 0.25x',
    },
  ];
}
