// Copies the user guide's screenshots (docs/brugervejledning.md) from the browser tests' output into docs/billeder/.
// The browser tests (npm run test:e2e) write every screen to test-output/screens/; run them first, then this script,
// so the guide's pictures always show the screens as they are. Only the 1366 px versions are used.
// Names after the command (npm run docs:screens -- 131-flyt-faerdig.png …) copy only those, after running only the
// specs that make them; each must be one of the guide's screenshots below.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'test-output', 'screens');
const to = join(root, 'docs', 'billeder');

/** The screenshots the guide shows, by the name the browser tests give them. */
export const screens = [
  '01-opsaetning.png',
  '06-opsaetning-anden-datamappe.png',
  '03-gendannelseskode.png',
  '120-institutionens-server.png',
  '130-flyt-proeve.png',
  '131-flyt-faerdig.png',
  '132-notat-venter-paa-serveren.png',
  '130-plan-konflikt.png',
  '72-forside-siden-sidst.png',
  '22-nyt-notat.png',
  '24-rettelse.png',
  '80-nyt-notat-alvorlig.png',
  '82-kvittering.png',
  '90-soeg-boejninger.png',
  '21-familie-overblik.png',
  '29-team.png',
  '136-progressionsrapport-side1.png',
  '901-netvaerk-kort.png',
  '906-sikkerhedsplan.png',
  '923-udslusningsplan.png',
  '61-sikkerhedskopier.png',
  '65-gendan-vaelg.png',
  '133-server-sikkerhedskopikode.png',
  '13-gendan-adgang.png',
  '34-indsigt.png',
];

const named = process.argv.slice(2);
const unknown = named.filter((name) => !screens.includes(name));
if (unknown.length > 0) {
  console.error(`docs:screens: ikke et af vejledningens skærmbilleder: ${unknown.join(', ')}`);
  process.exit(1);
}
const chosen = named.length > 0 ? named : screens;

const missing = chosen.filter((name) => !existsSync(join(from, name)));
if (missing.length > 0) {
  console.error(`docs:screens: ${missing.length} skærmbillede(r) mangler i ${from}:`);
  for (const name of missing) console.error(`  ${name}`);
  console.error('Kør browsertestene først (npm run test:e2e, eller de specs, der laver dem); de gemmer skærmbillederne dér.');
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const name of chosen) copyFileSync(join(from, name), join(to, name));
console.log(`docs:screens: ${chosen.length} skærmbilleder kopieret til docs/billeder/`);
