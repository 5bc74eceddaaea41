import { layerTally, overallTally } from '../progress/progressStats';
import type { RoadmapProgress } from '../progress/progressModel';
import type { RoadmapIndex } from '../roadmapIndex';
import { dueCounts, sessionCards } from '../review/reviewStats';

/** What the status bar item shows: its text, a markdown tooltip and the words for screen readers. */
export interface StatusSummary {
  text: string;
  tooltipMarkdown: string;
  ariaLabel: string;
  /** Whether any topic is done (the walkthrough's "Tick it off" step completes on it). */
  anyDone: boolean;
}

export function statusSummary(index: RoadmapIndex, progress: RoadmapProgress | undefined): StatusSummary {
  const all = overallTally(index, progress);
  let tip = `**${index.roadmap.title}**: ${all.done} of ${all.total} topics done (${all.percent}%)\n\n`;
  for (const layer of index.roadmap.layers) {
    const t = layerTally(layer, progress);
    // Titles are content: markdown's own characters are dropped so they cannot format the tooltip.
    tip += `- ${layer.number}. ${layer.title.replace(/[[\]*_`]/g, '')}: ${t.done}/${t.total}\n`;
  }
  tip += '\nClick to open the progress dashboard.';
  return {
    text: `$(milestone) Roadmap ${all.percent}%`,
    tooltipMarkdown: tip,
    ariaLabel: `AI Roadmap progress: ${all.percent} percent, ${all.done} of ${all.total} topics done`,
    anyDone: all.done > 0,
  };
}

/** The review item of the status bar: the cards a review session would take now; undefined when none. */
export function reviewSummary(index: RoadmapIndex, progress: RoadmapProgress | undefined, now: Date, dailyLimit: number): { text: string; tooltip: string; ariaLabel: string; count: number } | undefined {
  const due = dueCounts(index, progress, now).total;
  const count = sessionCards(index, progress, now, dailyLimit).length;
  if (count === 0) return undefined;
  const limited = count < due ? ` (${due} are due; your daily limit is ${dailyLimit})` : '';
  return {
    text: `$(mortar-board) ${count} to review`,
    tooltip: `${count} quiz card${count === 1 ? '' : 's'} to review today${limited}. Click to start the review.`,
    ariaLabel: `AI Roadmap: ${count} quiz card${count === 1 ? '' : 's'} to review today`,
    count,
  };
}
