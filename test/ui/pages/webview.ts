import type { Frame, Page } from 'playwright-core';

/** A webview: VS Code nests the page in two iframes; find the one where `selector` shows `text`. */
export async function webviewFrame(page: Page, selector: string, text: string | RegExp, timeoutMs = 90_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // $() does not wait, so frames without the element cost nothing (the timing bench relies on it).
      const found = await frame
        .$(selector)
        .then((h) => h?.textContent())
        .catch(() => undefined);
      const t = found?.trim();
      if (t !== undefined && (typeof text === 'string' ? t === text : text.test(t))) return frame;
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`No webview frame shows "${text}" in ${selector}.`);
}

/** VS Code's own Markdown preview showing a document whose first heading is `heading` (the bench's floor). */
export function markdownPreviewFrame(page: Page, heading: string, timeoutMs?: number): Promise<Frame> {
  return webviewFrame(page, 'h1', heading, timeoutMs);
}

/**
 * Where the keyboard focus is inside a webview frame: a description of the focused element, whether
 * the frame has the focus at all, and whether the element shows a focus indicator (an outline on
 * it or, for a web component, on a part of its shadow tree).
 */
export interface FocusInFrame {
  hasFocus: boolean;
  element: string;
  text: string;
  visible: boolean;
}

export function focusIn(frame: Frame): Promise<FocusInFrame> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const outlined = (e: Element) => {
      const s = getComputedStyle(e);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    };
    const visible = !!el && el !== document.body && (outlined(el) || Array.from(el.shadowRoot?.querySelectorAll('*') ?? []).some(outlined));
    const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}` : '';
    return { hasFocus: document.hasFocus(), element: name, text: (el?.textContent ?? '').trim().slice(0, 80), visible };
  });
}
