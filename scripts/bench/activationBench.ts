import { RoadmapTree, Workbench } from '../../test/ui/pages';
import { ms, type Row } from './measure';

/**
 * Activation time as VS Code reports it in "Developer: Show Running Extensions", for this
 * extension and for the built-in Markdown language features in the same window; median of `runs`
 * fresh windows.
 */
export async function activationRows(runs = 5): Promise<Row[]> {
  const ours: number[] = [];
  const markdown: number[] = [];
  for (let i = 0; i < runs; i++) {
    const wb = await Workbench.open();
    try {
      await new RoadmapTree(wb).open();
      await wb.runCommand('Go to File...');
      await wb.pickQuickItem('README.md');
      await wb.runCommand('Developer: Show Running Extensions');
      const read = async (name: string | RegExp) => {
        const text = await wb.runningExtensionActivationTime(name);
        return Number(text.match(/([\d.]+)\s*ms/)?.[1] ?? NaN);
      };
      // A development extension is listed by its id, not its display name.
      ours.push(await read('ai-roadmap.ai-roadmap'));
      markdown.push(await read('Markdown Language Features'));
    } finally {
      await wb.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [
    {
      figure: `activation in VS Code 1.100.3 (median of ${runs})`,
      value: ms(median(ours)),
      floor: `built-in Markdown: ${ms(median(markdown))}`,
      ratio: `${(median(ours) / median(markdown)).toFixed(2)}x`,
    },
  ];
}
