import { layerTally, overallTally } from '../progress/progressStats';
import type { RoadmapProgress } from '../progress/progressModel';
import type { RoadmapIndex } from '../roadmapIndex';

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
