/** The sikkerhedsplan's headings in plain Danish, the family's own words (the same on screen and on paper). */
export const safetyHeadings = {
  worries: 'Det er vi bekymrede for',
  actions: 'Det gør vi',
  contacts: 'Dem ringer vi til',
  signs: 'Tegn, vi har aftalt',
} as const;
