import type { RoadmapProgress } from '../progress/progressModel';
import { checkPlan, type PlanSettings } from './planSettings';

/**
 * The study plan inside a stored or imported progress entry. Files from before plans existed
 * have none, which is fine; a plan with a bad field is refused whole, with the reason.
 */
export function decodePlanField(raw: unknown, roadmapId: string, now: Date, into: RoadmapProgress, reject: (message: string) => void): void {
  if (raw === undefined) return;
  const checked = checkPlan(raw, now);
  if (checked.ok) into.plan = checked.value;
  else reject(`Roadmap "${roadmapId.slice(0, 60)}": the study plan was refused. ${checked.message}`);
}

/** The newer plan wins; a side without a plan does not erase the other's. */
export function mergePlans(a: PlanSettings | undefined, b: PlanSettings | undefined): PlanSettings | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(b.updated) > Date.parse(a.updated) ? b : a;
}
