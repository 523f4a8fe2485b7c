import { stemmer } from '@orama/stemmers/danish';

/**
 * What a word is matched by: inflected forms of one word get one token, so "bekymringer" finds "bekymringen".
 *
 * 1. A documented list of irregular forms (below): umlaut plurals, mor/moder/mødre and the like, strong verbs. Their
 *    token carries a marker (`~`) so it never equals an ordinary stem: "far" (father) is "far~", "farlig" stays "far".
 *    A compound ending in one of the nouns keeps its first part: "jordemoderen" → "jorde" + "mor~".
 * 2. The Danish Snowball stemmer (`@orama/stemmers`, the same algorithm as PostgreSQL's `danish` configuration).
 * 3. Two suffix rules beside it, for past tenses Snowball leaves apart:
 *    -ede: "legede" (stem "leged") → "leg", as "leger" and "leg";
 *    -te after b, k, p, r, l, d: "kørte" (stem "kørt") → "kør", as "kører"; "købte" → "køb"; "mødte" → "mød".
 *    Not after s or g: "kaste"/"trøste" would lose their t, "sagte" (softly) would become "sag" (case); the common
 *    -ste/-gte past tenses (spiste, læste, viste, rejste, søgte) are in the list instead.
 *
 * Known limits (README, "Search"): a form not in the list and not reached by the stemmer stays apart; a few forms
 * are left out on purpose because they are also very common other words ("så" — saw/so, "ved" — knew/at, "bad" —
 * asked/bath, "bar", "er"/"var"); "tog" is both "took" and "train" and is counted as a form of "tage".
 */
const irregular: Record<string, string[]> = {
  // Nouns (also matched at the end of a compound).
  mor: ['mor', 'moren', 'morens', 'mors', 'moder', 'moderen', 'moderens', 'moders', 'mødre', 'mødrene', 'mødrenes', 'mødres'],
  far: ['far', 'faren', 'farens', 'fars', 'fader', 'faderen', 'faderens', 'faders', 'fædre', 'fædrene', 'fædrenes', 'fædres'],
  bror: ['bror', 'broren', 'brorens', 'brors', 'broder', 'broderen', 'broderens', 'broders', 'brødre', 'brødrene', 'brødrenes', 'brødres'],
  søster: ['søster', 'søsteren', 'søsterens', 'søsters', 'søstre', 'søstrene', 'søstrenes', 'søstres'],
  barn: ['barn', 'barnet', 'barnets', 'barns', 'børn', 'børnene', 'børnenes', 'børns'],
  mand: ['mand', 'manden', 'mandens', 'mands', 'mænd', 'mændene', 'mændenes', 'mænds'],
  hånd: ['hånd', 'hånden', 'håndens', 'hænder', 'hænderne', 'hændernes'],
  fod: ['fod', 'foden', 'fodens', 'fødder', 'fødderne', 'føddernes'],
  nat: ['nat', 'natten', 'nattens', 'nætter', 'nætterne', 'nætternes'],
  tand: ['tand', 'tanden', 'tandens', 'tænder', 'tænderne', 'tændernes'],
  morgen: ['morgen', 'morgenen', 'morgenens', 'morgener', 'morgenerne', 'morgens'],
};
const irregularVerbs: Record<string, string[]> = {
  gå: ['gå', 'går', 'gik', 'gået'],
  give: ['give', 'giver', 'gav', 'givet'],
  komme: ['komme', 'kommer', 'kom', 'kommet'],
  sige: ['sige', 'siger', 'sagde', 'sagt'],
  gøre: ['gøre', 'gør', 'gjorde', 'gjort'],
  have: ['have', 'har', 'havde', 'haft'],
  ligge: ['ligge', 'ligger', 'lå', 'ligget'],
  sidde: ['sidde', 'sidder', 'sad', 'siddet'],
  drikke: ['drikke', 'drikker', 'drak', 'drukket'],
  hjælpe: ['hjælpe', 'hjælper', 'hjalp', 'hjulpet'],
  finde: ['finde', 'finder', 'fandt', 'fundet'],
  få: ['få', 'får', 'fik', 'fået'],
  skrive: ['skrive', 'skriver', 'skrev', 'skrevet'],
  synge: ['synge', 'synger', 'sang', 'sunget'],
  græde: ['græde', 'græder', 'græd', 'grædt'],
  sove: ['sove', 'sover', 'sov', 'sovet'],
  tage: ['tage', 'tager', 'tog', 'taget'],
  spørge: ['spørge', 'spørger', 'spurgte', 'spurgt'],
  vælge: ['vælge', 'vælger', 'valgte', 'valgt'],
  fortælle: ['fortælle', 'fortæller', 'fortalte', 'fortalt'],
  lægge: ['lægge', 'lægger', 'lagde', 'lagt'],
  sætte: ['sætte', 'sætter', 'satte', 'sat'],
  trække: ['trække', 'trækker', 'trak', 'trukket'],
  stå: ['stå', 'står', 'stod', 'stået'],
  ryge: ['ryge', 'ryger', 'røg', 'røget'],
  le: ['le', 'ler', 'lo', 'leet'],
  spise: ['spise', 'spiser', 'spiste', 'spist'],
  læse: ['læse', 'læser', 'læste', 'læst'],
  vise: ['vise', 'viser', 'viste', 'vist'],
  rejse: ['rejse', 'rejser', 'rejste', 'rejst'],
  søge: ['søge', 'søger', 'søgte', 'søgt'],
};

const MARK = '~';
const forms = new Map<string, string>();
for (const [canon, list] of Object.entries({ ...irregular, ...irregularVerbs })) for (const form of list) forms.set(form, canon + MARK);
/** Noun forms, longest first, for compounds ("jordemoderen", "spædbarnet", "midnatten"). */
const nounForms = Object.entries(irregular)
  .flatMap(([canon, list]) => list.map((form) => [form, canon + MARK] as const))
  .sort((a, b) => b[0].length - a[0].length);

const PAST_TE = /[bkprld]t$/;

/** The token a folded word is indexed and searched by. */
export function normalizeWord(folded: string): string {
  const exact = forms.get(folded);
  if (exact) return exact;
  for (const [form, token] of nounForms) {
    if (folded.length >= form.length + 2 && folded.endsWith(form)) return folded.slice(0, folded.length - form.length) + token;
  }
  if (/\p{N}/u.test(folded)) return folded; // numbers and codes are matched as written
  let stem = stemmer(folded);
  if (folded.endsWith('ede') && stem.endsWith('ed') && stem.length > 3) stem = stem.slice(0, -2);
  else if (folded.endsWith('te') && PAST_TE.test(stem) && stem.length > 3) stem = stem.slice(0, -1);
  return stem;
}

/** The documented irregular forms, for the README and the tests. */
export const irregularForms = { nouns: irregular, verbs: irregularVerbs };
