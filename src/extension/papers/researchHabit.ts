import { monthKey, setCheck } from '../../core/papers/monthlyHabit';
import type { ProgressStore } from '../progress/progressStore';

/** Ticks (or unticks) this month's feed or labs item: the Papers view's checkboxes and its command. */
export async function checkHabit(progress: ProgressStore, item: 'feed' | 'labs', done = true): Promise<void> {
  if (item !== 'feed' && item !== 'labs') return;
  await progress.updateResearch((r) => setCheck(r, monthKey(new Date()), item, done, new Date()));
}
