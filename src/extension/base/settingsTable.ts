/**
 * Every setting AI Roadmap reads, with its default and the values it accepts: the only place
 * their names are spelled (the manifest test compares this table with package.json both ways).
 * A value of the wrong type or outside `values` reads as the default: settings are user input.
 */
export const SETTINGS_SECTION = 'aiRoadmap';

interface SettingSpec<T> {
  default: T;
  values?: readonly T[];
}

const setting = <T>(spec: SettingSpec<T>) => spec;

export const SETTINGS = {
  'progress.location': setting<'global' | 'workspace'>({ default: 'global', values: ['global', 'workspace'] }),
  'statusBar.visible': setting({ default: true }),
  'notes.openInNewPanel': setting({ default: false }),
  'notes.runTimeoutSeconds': setting({ default: 60 }),
  roadmapFile: setting({ default: '' }),
  pythonPath: setting({ default: '' }),
  'exercises.watch': setting({ default: false }),
  'papers.network': setting({ default: true }),
  'papers.arxivApiUrl': setting({ default: 'https://export.arxiv.org/api' }),
  'papers.requestTimeoutSeconds': setting({ default: 15 }),
  'papers.perMonth': setting({ default: 2 }),
  'papers.monthlyNudge': setting({ default: true }),
  'statusBar.planFocus': setting({ default: false }),
  'studyPlan.firstDayOfWeek': setting<'locale' | 'monday' | 'sunday' | 'saturday'>({ default: 'locale', values: ['locale', 'monday', 'sunday', 'saturday'] }),
  'studyPlan.studyTime': setting({ default: '19:00' }),
  'review.dailyLimit': setting({ default: 50 }),
};

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = (typeof SETTINGS)[N]['default'];

/** The value to use for what the configuration holds: checked against the table. */
export function checkedSetting<N extends SettingName>(name: N, raw: unknown): SettingValue<N> {
  const spec: SettingSpec<unknown> = SETTINGS[name];
  if (typeof raw !== typeof spec.default) return spec.default as SettingValue<N>;
  if (spec.values && !spec.values.includes(raw)) return spec.default as SettingValue<N>;
  return (typeof raw === 'string' ? raw.trim() : raw) as SettingValue<N>;
}
