// Frozen in time, with migration 0006_progression: the built-in instruments as that migration stores them.
// Imports no app code. Never edit: a later change to a built-in instrument is a new version written by a new migration.

const score = (count: number, min: number, max: number, extra: Record<string, unknown> = {}) => ({
  kind: 'score',
  count,
  min,
  max,
  decimals: 0,
  allowed: null,
  reverse: [],
  concernPoints: null,
  labels: [],
  ...extra,
});

const base = { fullName: null, ageBand: null, scoring: 'sum', direction: null, cutoff: null, intervals: null, schedule: null, frequencyNote: null, perStaff: false };

const asqInterval = (months: number, from: [number, number], to: [number, number]) => ({
  months,
  from: { months: from[0], days: from[1] },
  to: { months: to[0], days: to[1] },
  itemCount: null,
  cutoff: null,
  monitoringFrom: null,
});

/**
 * The built-in instruments, as they were when this migration was written. Numbers and short names only: the items'
 * wording is licensed and never stored. ASQ:SE-2's cut-offs and item counts per interval are entered by the
 * institution from its licensed manual (a new version of the instrument).
 */
export const BUILTINS: Array<[string, Record<string, unknown>]> = [
  [
    'adbb',
    {
      ...base,
      name: 'ADBB',
      fullName: 'Alarm Distress Baby Scale',
      subject: 'child',
      reporter: 'staff',
      ageBand: { fromMonths: 2, toMonths: 24 },
      items: score(8, 0, 4),
      direction: 'higher_worse',
      cutoff: { rule: 'gte', value: 5, label: 'Tegn på social tilbagetrækning' },
      schedule: { kind: 'every', everyDays: 28, graceDays: 7, repeatIfFlaggedDays: 14 },
      frequencyNote: 'Fra 2 måneder (korrigeret alder) hver 4. uge under opholdet; efter en score på 5 eller mere igen inden for 2 uger.',
    },
  ],
  [
    'asq_se_2',
    {
      ...base,
      name: 'ASQ:SE-2',
      fullName: 'Ages & Stages Questionnaires: Social-Emotional, 2. udgave',
      subject: 'child',
      reporter: 'parent',
      ageBand: { fromMonths: 1, toMonths: 72 },
      items: score(36, 0, 10, { allowed: [0, 5, 10], concernPoints: 5 }),
      direction: 'higher_worse',
      cutoff: { rule: 'gt', value: null, label: 'Over cut-off: henvis til nærmere vurdering' },
      intervals: [
        asqInterval(2, [1, 0], [2, 30]),
        asqInterval(6, [3, 0], [8, 30]),
        asqInterval(12, [9, 0], [14, 30]),
        asqInterval(18, [15, 0], [20, 30]),
        asqInterval(24, [21, 0], [26, 30]),
        asqInterval(30, [27, 0], [32, 30]),
        asqInterval(36, [33, 0], [41, 30]),
        asqInterval(48, [42, 0], [53, 30]),
        asqInterval(60, [54, 0], [72, 0]),
      ],
      schedule: { kind: 'age_intervals', graceDays: 14 },
      frequencyNote: 'Ved hvert interval (2, 6, 12 … måneder) i skemaets aldersvindue efter korrigeret alder. Punkterne indtastes som point (0, 5 eller 10), ikke som svar.',
    },
  ],
  [
    'pss',
    {
      ...base,
      name: 'PSS',
      fullName: 'Parental Stress Scale',
      subject: 'parent',
      reporter: 'parent',
      items: score(18, 1, 5, { reverse: [1, 2, 5, 6, 7, 8, 17, 18] }),
      direction: 'higher_worse',
      schedule: { kind: 'every', everyDays: 84, graceDays: 14, repeatIfFlaggedDays: null },
      frequencyNote: 'Ved indflytning og derefter hver 12. uge (midtvejs og ved afslutningen af et halvt års ophold).',
    },
  ],
  [
    'ors',
    {
      ...base,
      name: 'ORS',
      fullName: 'Outcome Rating Scale',
      subject: 'parent',
      reporter: 'parent',
      items: score(4, 0, 10, { decimals: 1 }),
      direction: 'higher_better',
      cutoff: { rule: 'lt', value: 25, label: 'Under klinisk cut-off (voksne)' },
      frequencyNote: 'I starten af hver samtale.',
    },
  ],
  [
    'srs',
    {
      ...base,
      name: 'SRS',
      fullName: 'Session Rating Scale',
      subject: 'parent',
      reporter: 'parent',
      items: score(4, 0, 10, { decimals: 1 }),
      direction: 'higher_better',
      cutoff: { rule: 'lte', value: 36, label: 'Bekymring for samarbejdsalliancen' },
      frequencyNote: 'I slutningen af hver samtale, for den medarbejder samtalen var med.',
      perStaff: true,
    },
  ],
  [
    'nbo',
    {
      ...base,
      name: 'NBO',
      fullName: 'Newborn Behavioral Observations',
      subject: 'child',
      reporter: 'staff',
      ageBand: { fromMonths: 0, toMonths: 3 },
      items: score(18, 0, 0, { kind: 'note' }),
      scoring: 'none',
      frequencyNote: 'Struktureret observation af den nyfødte sammen med forældrene: noter, ingen score.',
    },
  ],
  [
    'pdi_rf',
    {
      ...base,
      name: 'PDI-RF',
      fullName: 'Parent Development Interview: refleksiv funktion',
      subject: 'parent',
      reporter: 'coder',
      items: score(1, -1, 9, { labels: ['Refleksiv funktion'] }),
      direction: 'higher_better',
      frequencyNote: 'Kodes af en uddannet koder, typisk ved start og afslutning.',
    },
  ],
  [
    'ea',
    {
      ...base,
      name: 'EA',
      fullName: 'Emotional Availability Scales (forælder og barn)',
      subject: 'parent',
      reporter: 'coder',
      items: score(6, 1, 7, { labels: ['Sensitivitet', 'Strukturering', 'Ikke-intrusivitet', 'Ikke-fjendtlighed', 'Barnets responsivitet', 'Barnets involvering'] }),
      scoring: 'none',
      direction: 'higher_better',
      frequencyNote: 'Kodes af en uddannet koder ud fra en optaget samspilssituation.',
    },
  ],
];
