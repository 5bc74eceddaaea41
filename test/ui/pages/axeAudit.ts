// axe-core in a webview frame: WCAG 2.1 A and AA, plus the best-practice rules on landmarks and
// headings. The frame's CSP admits only the page's nonce, so the workbench that runs this is
// opened with the CSP bypassed (Workbench.open({ bypassCsp: true })), for the audit suite only.
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Rules turned off, each with its reason. Empty means every rule of the tags below runs. */
export const RULES_OFF: Record<string, string> = {};

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Best-practice rules the issue names: landmarks and ordered headings. */
const BEST_PRACTICE = ['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main', 'heading-order', 'page-has-heading-one', 'empty-heading'];

let axeSource: string | undefined;

/** The violations, and the ids of the rules that ran (to prove the best-practice ones did). */
export async function audit(frame: Frame): Promise<{ violations: AxeViolation[]; ran: string[] }> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  // One run: the WCAG tags, the best-practice rules enabled beside them, the rules turned off.
  const rules = Object.fromEntries([...BEST_PRACTICE.map((id) => [id, { enabled: true }]), ...Object.keys(RULES_OFF).map((id) => [id, { enabled: false }])]);
  return frame.evaluate(
    async ({ tags, rules }) => {
      type Result = { id: string };
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[]; passes: Result[]; incomplete: Result[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
        ran: [...r.violations, ...r.passes, ...r.incomplete].map((x) => x.id),
      };
    },
    { tags: TAGS, rules },
  );
}

/** One line per violation, for the report and the assertion message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  const why = (v: AxeViolation) => [...new Set(v.nodes.map((n) => (n.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix any of the following: /, '').slice(0, 200)))].slice(0, 6).join(' | ');
  return violations
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}. Why: ${why(v)}`)
    .join('\n');
}
