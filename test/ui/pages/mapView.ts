import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { webviewFrame } from './webview';

/** The map panel's page, inside its webview frame. */
export class MapView {
  private constructor(readonly frame: Frame) {}

  /** The map once it is laid out: its status line reads "N topics in M layers, …" (or "N topics and K sub-topics in …"). */
  static async find(wb: Workbench, timeoutMs?: number): Promise<MapView> {
    return new MapView(await webviewFrame(wb.page, '#map-status', /^\d+ topics?( and \d+ sub-topics?)? in \d+ layers/, timeoutMs));
  }

  static async open(wb: Workbench): Promise<MapView> {
    await wb.runCommand('AI Roadmap: Open Map');
    return MapView.find(wb);
  }

  /** The node of the topic with this title (its accessible name starts with the title). */
  node(title: string) {
    return this.frame.locator(`.node[aria-label^="${title.replace(/"/g, '\\"')}."]`);
  }

  nodes() {
    return this.frame.locator('.node');
  }

  /** The sub-topics' nodes. */
  subtopics() {
    return this.frame.locator('.node.subtopic');
  }

  /** Presses a key on the focused node and waits until the focus is on the node whose name starts with `title`. */
  async pressTo(key: string, title: string, timeout = 30_000) {
    await this.frame.locator('.node:focus').press(key);
    await this.waitFocused(title, timeout);
  }

  highlighted() {
    return this.frame.locator('.node.in-chain');
  }

  /** The ids of the highlighted nodes, in drawing order. */
  highlightedIds(): Promise<string[]> {
    return this.highlighted().evaluateAll((els) => els.map((e) => (e as SVGGElement).dataset.id ?? ''));
  }

  /** Waits until the node of `id` is highlighted (or not). */
  async waitHighlighted(id: string, on: boolean, timeout = 30_000) {
    await this.frame.waitForFunction(([i, o]) => document.querySelector(`.node[data-id="${i}"]`)?.classList.contains('in-chain') === o, [id, on] as const, { timeout });
  }

  highlightedEdges() {
    return this.frame.locator('.edge.in-chain');
  }

  /** A toolbar button by its accessible name's start. */
  tool(name: string) {
    return this.frame.locator(`button.tool[aria-label^="${name}"]`);
  }

  search() {
    return this.frame.locator('input[type="search"]');
  }

  layerFilter() {
    return this.frame.locator('select[aria-label="Filter by layer"]');
  }

  /** Nodes the filter leaves shown. */
  shown() {
    return this.frame.locator('.node:not(.filtered-out)');
  }

  async statusLine(): Promise<string> {
    return ((await this.frame.locator('#map-status').textContent()) ?? '').trim();
  }

  /** The accessible name of the element that has the focus in the page. */
  focusedLabel(): Promise<string> {
    return this.frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  }

  /** Waits until the focused node's name starts with `title`. */
  async waitFocused(title: string, timeout = 30_000) {
    await this.frame.waitForFunction((t) => (document.activeElement?.getAttribute('aria-label') ?? '').startsWith(`${t}.`), title, { timeout });
  }

  /** The words under a node's title ("Done · ✔ verified"). */
  async nodeStatus(title: string): Promise<string> {
    return ((await this.node(title).locator('.node-status').textContent()) ?? '').trim();
  }
}
