/** The dashboard's messages, both ways; both sides import this file and check with its guards. */
import type { DashboardData } from '../../core/views/dashboardView';
import { isId, messageGuard, oneOf, type Check, type MessageOf } from '../../core/util/messageSchema';

export type { DashboardData } from '../../core/views/dashboardView';

const isDashboardData: Check<DashboardData> = (v): v is DashboardData => {
  const d = v as Partial<DashboardData> | null;
  return !!d && typeof d === 'object' && Array.isArray(d.layers) && Array.isArray(d.weeks);
};

const fromDashboard = {
  ready: {},
  open: { id: isId },
  /** The two buttons under "Next topics". */
  command: { command: oneOf('showNextTopics', 'goToTopic', 'startStudyPlan', 'review') },
};

const toDashboard = {
  show: { data: isDashboardData },
};

export type FromDashboard = MessageOf<typeof fromDashboard>;
export type ToDashboard = MessageOf<typeof toDashboard>;
export const isFromDashboard = messageGuard(fromDashboard);
export const isToDashboard = messageGuard(toDashboard);
