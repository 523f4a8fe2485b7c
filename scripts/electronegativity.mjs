// `npm run lint:electron`: Doyensec's electronegativity over the Electron shell's own sources (main/shell,
// main/static, preload) — the TypeScript itself, offline, no build needed. The tool exits 0 whatever it finds, so
// this script reads its findings and exits 1 on any HIGH or MEDIUM one (printing them), 2 if it could not scan.
//
// - The sources are copied, with the package.json, into a temporary folder and scanned there: one input folder is
//   all the tool takes, dist/ (bundled, comments stripped) must not be scanned, and the package.json is how it learns
//   the Electron version (without it, it assumes Electron 0.1 and reports defaults of that era, such as the remote
//   module). Paths in the report are the repository's.
// - The tool is run through its programmatic entry (its package "main"), which returns the findings as data; its CLI
//   writes CSV with two unsynchronised writes (header and rows) and its SARIF output has no severities.
// - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it downloads Electron's release list from GitHub at scan
//   time (unreachable here, and an answer that changes by the day), and for Electron as a devDependency it reports
//   INFORMATIONAL only. Keeping Electron patched is the dependency update's job.
// - electronegativity finds the CSP only in <meta> tags and webRequest hooks, and cannot read a constant: ours is a
//   header of our own protocol (main/static/csp.ts). So this script evaluates that policy itself, with the same
//   evaluator the tool uses (@doyensec/csp-evaluator, Google's CSP Evaluator), and fails on a HIGH, MEDIUM or syntax
//   finding. Run with tsx (the npm script does), which is what lets it import the TypeScript constant.
// - A finding that does not apply is silenced only where it arises, with an `// eng-disable CHECK_ID` comment on
//   that line; each one is listed with its reason in the README ("Security: the Electron shell").
//
// Usage: node --import tsx scripts/electronegativity.mjs [--root DIR]   (DIR: a folder laid out like this repository; tests)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootArg = process.argv.indexOf('--root');
const root = rootArg >= 0 ? path.resolve(process.argv[rootArg + 1] ?? '') : repo;

const SOURCES = ['main/shell', 'main/static', 'preload', 'package.json'];
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

function copy(from, to) {
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from)) copy(path.join(from, entry), path.join(to, entry));
  } else if (stat.isFile()) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-electronegativity-'));
let exitCode = 0;
try {
  let files = 0;
  for (const source of SOURCES) {
    const from = path.join(root, source);
    if (!fs.existsSync(from)) {
      console.error(`electronegativity: ${source} findes ikke i ${root}.`);
      process.exit(2);
    }
    copy(from, path.join(stage, source));
  }
  for (const source of SOURCES.slice(0, -1)) files += fs.readdirSync(path.join(stage, source), { recursive: true }).filter((f) => /\.(ts|tsx|js)$/.test(String(f))).length;

  // The runner announces itself on stdout in places (translations, release list); keep our report readable.
  const log = console.log;
  const noise = [];
  console.log = (...args) => noise.push(args.join(' '));
  let result;
  try {
    const run = require('@doyensec/electronegativity');
    result = await run({
      input: stage,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: undefined,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }

  // The CSP itself, as the renderer receives it.
  const cspFile = path.join(root, 'main/static/csp.ts');
  const { CSP } = await import(pathToFileURL(cspFile).href);
  const cspEvaluator = createRequire(require.resolve('@doyensec/electronegativity'))('@doyensec/csp-evaluator');
  const cspFindings = new cspEvaluator.CspEvaluator(new cspEvaluator.CspParser(String(CSP)).csp, cspEvaluator.Version.CSP3).evaluate();
  const cspSeverity = Object.fromEntries(Object.entries(cspEvaluator.severities).map(([name, value]) => [value, name]));
  const cspFailing = cspFindings.filter((f) => ['HIGH', 'SYNTAX', 'MEDIUM'].includes(cspSeverity[f.severity]));
  const cspLine = (f) => `  ${String(cspSeverity[f.severity]).padEnd(13)} ${f.directive}${f.value ? ` ${f.value}` : ''}: ${f.description}`;

  const broken = result.errors.filter((e) => !e.tolerable);
  for (const e of result.errors) console.error(`electronegativity: ${e.tolerable ? 'advarsel' : 'FEJL'} i ${path.relative(stage, e.file)}: ${e.message}`);

  const failing = result.issues.filter((i) => FAILING.has(i.severity.name));
  const other = result.issues.filter((i) => !FAILING.has(i.severity.name));
  const line = (i) =>
    `  ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(40)} ${i.file === 'N/A' ? '(hele appen)' : `${i.file}:${i.location.line}:${i.location.column}`}\n` +
    `  ${''.padEnd(13)} ${''.padEnd(9)} ${i.description}${i.manualReview ? ' [gennemgå]' : ''} — ${i.shortenedURL ?? ''}`;

  console.log(`electronegativity: ${files} kildefiler (${SOURCES.slice(0, -1).join(', ')}), ${result.atomicChecks + result.globalChecks} tjek.`);
  if (other.length > 0) console.log(`Under MEDIUM (til orientering):\n${other.map(line).join('\n')}`);
  console.log(`CSP (${path.relative(root, cspFile)}): ${String(CSP)}`);
  const cspNotes = cspFindings.filter((f) => !cspFailing.includes(f));
  if (cspNotes.length > 0) console.log(`CSP-evaluator, til orientering:\n${cspNotes.map(cspLine).join('\n')}`);
  if (cspFailing.length > 0) {
    console.error(`CSP-evaluator, HIGH/MEDIUM/syntaks (${cspFailing.length}):\n${cspFailing.map(cspLine).join('\n')}`);
    exitCode = 1;
  }
  if (failing.length > 0) {
    console.error(`HIGH/MEDIUM-fund (${failing.length}) — ret dem, eller skriv en eng-disable-kommentar på linjen og begrundelsen i README:\n${failing.map(line).join('\n')}`);
    exitCode = 1;
  } else if (broken.length > 0 || files === 0) {
    console.error('electronegativity: ikke alle kildefiler kunne læses, så de er ikke tjekket.');
    exitCode = 2;
  } else if (exitCode === 0) {
    console.log('Ingen HIGH- eller MEDIUM-fund.');
  }
} catch (err) {
  console.error(`electronegativity kunne ikke køre: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 2;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
process.exit(exitCode);
