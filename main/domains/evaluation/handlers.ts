import { todayIso } from '../../../common/dates';
import { cutoffRuleLabels, type InstrumentDefinition } from '../../../common/instruments';
import { totalRange } from '../../../common/scoring';
import { handlers } from '../../core/context';
import { loadVersions } from '../instruments/queries';
import { FILES } from './columns';
import { toCsv } from './csv';
import { evaluationRows } from './dataset';

function instrumentEntry(version: number, def: InstrumentDefinition) {
  return {
    name: def.name,
    version,
    fullName: def.fullName,
    subject: def.subject,
    direction: def.direction,
    totalRange: totalRange(def),
    itemRange: def.items.kind === 'score' ? { min: def.items.min, max: def.items.max, count: def.items.count, reverse: def.items.reverse } : null,
    cutoff: def.cutoff
      ? {
          rule: cutoffRuleLabels[def.cutoff.rule],
          value: def.cutoff.value,
          perInterval: def.intervals?.map((i) => ({ months: i.months, cutoff: i.cutoff, monitoringFrom: i.monitoringFrom })) ?? null,
        }
      : null,
  };
}

/** The evaluation export for VIVE: pseudonymised CSV files and a codebook; logged as an export naming every family. */
export const evaluationHandlers = handlers({
  'evaluation:export': {
    audit: { action: 'export', subject: 'evalueringsudtræk', detail: (input, out) => ({ families: out.familyCount, includeCurrent: input.includeCurrent }) },
    async run({ db, now, families }, input) {
      const scope = await families.scope();
      let q = db.selectFrom('families').select('id');
      if (!input.includeCurrent) q = q.where('end_date', 'is not', null);
      if (scope) q = q.where('id', 'in', scope.length ? scope : [0]);
      const ids = (await q.execute()).map((r) => r.id);
      const { rows, measurements } = await evaluationRows(db, ids, todayIso(now));
      families.shown(ids);
      const versions = await loadVersions(db, measurements.map((m) => m.instrument.versionId));
      const specs = Object.entries(FILES) as Array<[keyof typeof FILES, (typeof FILES)[keyof typeof FILES]]>;
      const codebook = {
        title: 'Familiespor: evalueringsudtræk',
        description:
          'Pseudonymiseret udtræk af familieanbringelser til evaluering. Ingen navne, CPR-numre, fritekst eller datoer: datoer er dage fra dag 0 (indflytning), og koderne er tilfældige og nye for hvert udtræk.',
        format: { delimiter: ',', decimalSeparator: '.', encoding: 'UTF-8', header: true, missing: 'tom celle' },
        families: ids.length,
        files: specs.map(([key, spec]) => ({ fileName: spec.fileName, description: spec.description, rows: rows[key].length, columns: spec.columns })),
        instruments: [...versions.values()].sort((a, b) => a.definition.name.localeCompare(b.definition.name, 'da') || a.version - b.version).map((v) => instrumentEntry(v.version, v.definition)),
      };
      return {
        familyCount: ids.length,
        files: [
          ...specs.map(([key, spec]) => ({ fileName: spec.fileName, mediaType: 'text/csv' as const, content: toCsv(spec.columns.map((c) => c.name), rows[key]) })),
          { fileName: 'codebook.json', mediaType: 'application/json' as const, content: JSON.stringify(codebook, null, 2) },
        ],
      };
    },
  },
});
