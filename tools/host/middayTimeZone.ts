/**
 * A time zone in which it is about noon now: a host started with it as TZ has half a day before its
 * local midnight. What the extension counts by local day (cards due today, answers today) would
 * otherwise change under a test that runs across midnight: a card missed at 23:55 falls due at
 * 00:05, tomorrow. Etc/GMT zones are whole hours, with the sign reversed (Etc/GMT-5 is UTC+5).
 */
export function middayTimeZone(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
