import type { Settings } from '../base/settings';
import { SETTINGS } from '../base/settingsTable';

export const DEFAULT_ARXIV_API = SETTINGS['papers.arxivApiUrl'].default;

/** The aiRoadmap.papers.* settings, bounded, read when used so a change applies at once. */
export function papersSettings(settings: Settings) {
  return {
    /** Off: nothing is requested; papers are added from what was typed. */
    network: settings.get('papers.network'),
    arxivApiUrl: settings.get('papers.arxivApiUrl') || DEFAULT_ARXIV_API,
    timeoutMs: Math.min(120, Math.max(1, settings.get('papers.requestTimeoutSeconds'))) * 1000,
    perMonth: Math.min(30, Math.max(1, Math.round(settings.get('papers.perMonth')))),
    monthlyNudge: settings.get('papers.monthlyNudge'),
  };
}

/** The settings whose change redraws the Papers view and the nudge. */
export const PAPERS_SETTINGS = ['papers.network', 'papers.arxivApiUrl', 'papers.requestTimeoutSeconds', 'papers.perMonth', 'papers.monthlyNudge'] as const;
