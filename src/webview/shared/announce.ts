/**
 * The page's live region: feedback (a status changed, a check finished) is announced by screen
 * readers without moving the focus. Made at load, before anything is said, as live regions must be.
 */
const region = document.createElement('div');
region.id = 'announcer';
region.className = 'visually-hidden';
region.setAttribute('role', 'status');
region.setAttribute('aria-live', 'polite');
document.body.append(region);

export function announce(text: string) {
  // Emptied first, so the same sentence twice is said twice.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 50);
}
