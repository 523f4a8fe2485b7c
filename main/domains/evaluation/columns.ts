import { outcomes, personKinds } from '../../../common/families';
import { goalAreas, goalStatuses } from '../../../common/goals';
import { zones } from '../../../common/scoring';

/** The codebook's description of every column of every file (Danish: for the evaluators). */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number';
  description: string;
  values?: readonly string[];
}

export interface FileSpec {
  fileName: string;
  description: string;
  columns: Column[];
}

const familyCode: Column = { name: 'family_code', type: 'string', description: 'Tilfældig kode for familien, ny for hvert udtræk (kan ikke kobles til andre udtræk).' };
const day = (what: string): Column => ({ name: 'day', type: 'integer', description: `Dage fra dag 0 (indflytning) til ${what}; negativ før indflytning.` });

export const FILES = {
  families: {
    fileName: 'families.csv',
    description: 'Én række pr. familie (forløb).',
    columns: [
      familyCode,
      { name: 'status', type: 'string', description: 'closed: forløbet er afsluttet; current: familien bor på stedet eller er i indledende kontakt.', values: ['closed', 'current'] },
      { name: 'day0_basis', type: 'string', description: 'Dag 0: move_in = første dag i fasen familieanbringelse; start = forløbets start (familien er ikke flyttet ind).', values: ['move_in', 'start'] },
      { name: 'intake_start_day', type: 'integer', description: 'Forløbets start (indledende kontakt) i dage fra dag 0.' },
      { name: 'stay_start_day', type: 'integer', description: 'Start på fasen familieanbringelse i dage fra dag 0 (0, eller tom).' },
      { name: 'closing_start_day', type: 'integer', description: 'Start på fasen afslutning i dage fra dag 0 (tom: ikke nået).' },
      { name: 'end_day', type: 'integer', description: 'Forløbets slut i dage fra dag 0 (tom: ikke afsluttet).' },
      { name: 'planned_end_day', type: 'integer', description: 'Planlagt slut i dage fra dag 0.' },
      { name: 'destination', type: 'string', description: 'Hvor familien gik hen (forløbets registrerede udfald); tom: ikke afsluttet.', values: outcomes },
      { name: 'children', type: 'integer', description: 'Antal børn i forløbet (ikke søskende).' },
      { name: 'parents', type: 'integer', description: 'Antal forældre i forløbet.' },
      { name: 'child_birth_day', type: 'integer', description: 'Det (første) barns fødsel i dage fra dag 0; tom: ikke født endnu.' },
      { name: 'child_age_months_day0', type: 'integer', description: 'Det (første) barns alder i hele måneder på dag 0, korrigeret for for tidlig fødsel (født 3 uger eller mere før termin, til 24 måneder); tom: født efter dag 0.' },
    ],
  },
  measurements: {
    fileName: 'measurements.csv',
    description: 'Én række pr. måling (den gældende version efter rettelser; tilbagetrukne målinger er udeladt). Samarbejdsalliancen står i alliance.csv.',
    columns: [
      familyCode,
      { name: 'subject_code', type: 'string', description: 'Den målte person i familien: C1, C2 … for børn, P1, P2 … for forældre (gælder kun i dette udtræk).' },
      { name: 'subject_kind', type: 'string', description: 'Personens rolle i familien.', values: personKinds },
      { name: 'instrument', type: 'string', description: 'Måleredskabets navn (se instruments i kodebogen).' },
      { name: 'instrument_version', type: 'integer', description: 'Versionen af måleredskabets definition, målingen er lavet med.' },
      day('målingen'),
      { name: 'child_age_months', type: 'integer', description: 'Barnets alder i hele måneder på dagen, korrigeret for for tidlig fødsel; tom for forældre.' },
      { name: 'interval_months', type: 'integer', description: 'Skemaets interval i måneder (ASQ:SE-2); tom for andre.' },
      { name: 'total', type: 'number', description: 'Total (sum af punkterne efter omvendt scoring, plus point for bekymringer); tom når redskabet ikke har en total.' },
      { name: 'cutoff', type: 'number', description: 'Den cut-off, der gjaldt for målingen; tom: ingen.' },
      { name: 'flagged', type: 'integer', description: '1: totalen er på den bekymrende side af cut-off; 0: ikke; tom: ingen cut-off.' },
      { name: 'zone', type: 'string', description: 'ok, monitor (overvågningszone) eller flagged; tom: ingen cut-off.', values: zones },
      { name: 'corrected', type: 'integer', description: '1: målingen er rettet efter den blev registreret.' },
      { name: 'item_scores', type: 'string', description: 'Punkternes score adskilt af semikolon, kun for redskaber uden total (fx EA-skalaerne).' },
    ],
  },
  goals: {
    fileName: 'goals.csv',
    description: 'Én række pr. udviklingsmål (den gældende version). Målets ordlyd er udeladt.',
    columns: [
      familyCode,
      { name: 'goal_code', type: 'string', description: 'Målet i familien: G1, G2 … i den rækkefølge, de blev sat.' },
      { name: 'area', type: 'string', description: 'Målets område.', values: goalAreas },
      { name: 'status', type: 'string', description: 'Målets status.', values: goalStatuses },
      { name: 'start_day', type: 'integer', description: 'Målets start i dage fra dag 0.' },
      { name: 'target_day', type: 'integer', description: 'Måldato i dage fra dag 0; tom: ingen.' },
      { name: 'scale_min', type: 'integer', description: 'Laveste trin på målets skala.' },
      { name: 'scale_max', type: 'integer', description: 'Højeste trin på målets skala.' },
    ],
  },
  reviews: {
    fileName: 'goal_reviews.csv',
    description: 'Én række pr. opfølgning på et udviklingsmål. Noter og forældrenes egne ord er udeladt.',
    columns: [
      familyCode,
      { name: 'goal_code', type: 'string', description: 'Målet (se goals.csv).' },
      day('opfølgningen'),
      { name: 'staff_score', type: 'integer', description: 'Medarbejdernes score på målets skala; tom: ikke givet.' },
      { name: 'parent_score', type: 'integer', description: 'Forældrenes egen score på målets skala; tom: ikke givet.' },
    ],
  },
  alliance: {
    fileName: 'alliance.csv',
    description: 'Én række pr. vurdering af samarbejdsalliancen (SRS) efter en samtale.',
    columns: [
      familyCode,
      { name: 'staff_code', type: 'string', description: 'Tilfældig kode for medarbejderen, ny for hvert udtræk (samme kode på tværs af familier i udtrækket).' },
      { name: 'subject_code', type: 'string', description: 'Forælderen, der vurderede (se measurements.csv).' },
      { name: 'instrument', type: 'string', description: 'Måleredskabets navn.' },
      day('samtalen'),
      { name: 'total', type: 'number', description: 'Total (summen af punkterne; SRS: 0–40, højere er bedre).' },
      { name: 'flagged', type: 'integer', description: '1: på den bekymrende side af cut-off (SRS: 36 eller under); 0: ikke; tom: ingen cut-off.' },
    ],
  },
} satisfies Record<string, FileSpec>;
