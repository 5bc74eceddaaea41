import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Start Study Plan, Change Pace, Pause and Resume Plan, Export Study Plan to Calendar. */
export function planHandlers(s: Services): Pick<CommandHandlers, 'startStudyPlan' | 'changeStudyPace' | 'pauseStudyPlan' | 'resumeStudyPlan' | 'exportStudyPlanCalendar'> {
  return {
    startStudyPlan: (args) => s.plan.start(args),
    changeStudyPace: (hoursPerWeek) => s.plan.changePace(hoursPerWeek),
    pauseStudyPlan: () => s.plan.pause(),
    resumeStudyPlan: () => s.plan.resume(),
    exportStudyPlanCalendar: (file) => s.plan.exportCalendar(file),
  };
}
