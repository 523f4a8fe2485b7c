// Copies the user guide's screenshots (docs/brugervejledning.md) from the browser tests' output into docs/billeder/.
// The browser tests (npm run test:e2e) write every screen to test-output/screens/; run them first, then this script,
// so the guide's pictures always show the screens as they are. Only the 1366 px versions are used.
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
  '13-gendan-adgang.png',
  '34-indsigt.png',
];

const missing = screens.filter((name) => !existsSync(join(from, name)));
if (missing.length > 0) {
  console.error(`docs:screens: ${missing.length} skærmbillede(r) mangler i ${from}:`);
  for (const name of missing) console.error(`  ${name}`);
  console.error('Kør browsertestene først (npm run test:e2e); de gemmer skærmbillederne dér.');
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const name of screens) copyFileSync(join(from, name), join(to, name));
console.log(`docs:screens: ${screens.length} skærmbilleder kopieret til docs/billeder/`);
