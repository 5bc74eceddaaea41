import type { ScheduledMonth } from './schedule';

/**
 * Layer 8 of the roadmap is a habit, not a topic: every month of a dated plan gets a research
 * block in its first week, the same checklist the Papers view keeps (scan a feed, two labs'
 * news, this month's papers).
 */
export interface ResearchBlock {
  month: number;
  /** Local day the block is planned for: the month's first day in the plan. */
  day: string;
  title: string;
  description: string;
}

export function researchBlockOf(m: ScheduledMonth): ResearchBlock {
  return {
    month: m.month,
    day: m.start,
    title: `Research block, month ${m.month}: papers and news`,
    description: "Scan a paper feed (arXiv listings, Hugging Face Daily Papers), look at two labs' news, and read this month's papers with the three-pass method. The Papers view keeps the checklist and the reading list.",
  };
}
