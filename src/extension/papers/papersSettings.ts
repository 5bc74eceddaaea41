import * as vscode from 'vscode';

export const DEFAULT_ARXIV_API = 'https://export.arxiv.org/api';

/** The aiRoadmap.papers.* settings, read when used so a change applies at once. */
export function papersSettings() {
  const c = vscode.workspace.getConfiguration('aiRoadmap.papers');
  return {
    /** Off: nothing is requested; papers are added from what was typed. */
    network: c.get<boolean>('network', true),
    arxivApiUrl: c.get<string>('arxivApiUrl', DEFAULT_ARXIV_API).trim() || DEFAULT_ARXIV_API,
    timeoutMs: Math.min(120, Math.max(1, c.get<number>('requestTimeoutSeconds', 15))) * 1000,
    perMonth: Math.min(30, Math.max(1, Math.round(c.get<number>('perMonth', 2)))),
    monthlyNudge: c.get<boolean>('monthlyNudge', true),
  };
}
