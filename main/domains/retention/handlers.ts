import { z } from 'zod';
import { addMonths, todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import { familyExportSchema, type FamilyExport } from '../../../common/family-export';
import { handlers } from '../../core/context';
import type { InstitutionName } from '../settings/institution';
import { loadUnderretninger } from '../concerns/queries';
import { loadFamily } from '../families/queries';
import { loadObservations } from '../journal/queries';
import { readSettings } from '../settings/queries';
import { deleteDueFamily, FamilyDeletionRefused } from '../../../db/retention';

/** What the server says when it refuses (it checks the rules again by its own clock): nothing was deleted. */
const SERVER_REFUSALS: Record<FamilyDeletionRefused['reason'], string> = {
  not_found: 'Familien findes ikke.',
  not_closed: 'Forløbet er ikke afsluttet og kan ikke slettes.',
  not_due: 'Ifølge institutionens server er opbevaringsperioden ikke gået endnu. Intet er slettet; kontrollér computerens dato, eller prøv igen i morgen.',
  not_allowed: 'Kun en administrator kan slette et forløb. Intet er slettet.',
};

/** Closed families after the retention period: the full export, the list of those due, and deletion. */
export function retentionHandlers(deps: { institution: InstitutionName }) {
  return handlers({
    'families:export': {
      audit: { action: 'export', subject: 'familiens fulde journal eksporteret' },
      async run({ db, user, now, families }, input) {
        await families.family(input.familyId);
        const detail = await loadFamily(db, input.familyId);
        const persons = await db.selectFrom('persons').select(['id', 'kind', 'name', 'cpr', 'birth_date', 'due_date']).where('family_id', '=', input.familyId).orderBy('id').execute();
        const ids = (await db.selectFrom('observations').select('id').where('family_id', '=', input.familyId).where('status', '=', 'signed').orderBy('observed_at').orderBy('id').execute()).map((o) => o.id);
        const { latestObservations: _l, openConcerns: _o, concernHistory: _c, underretninger: _u, ...family } = detail;
        const document: FamilyExport = {
          format: 'familiespor-familieeksport',
          version: 1,
          exportedAt: now.toISOString(),
          exportedBy: user.name,
          institution: await deps.institution.read(db),
          family,
          persons: persons.map((p) => ({ id: p.id, kind: p.kind, name: p.name, cpr: p.cpr, birthDate: p.birth_date, dueDate: p.due_date })),
          observations: await loadObservations(db, ids),
          underretninger: (await loadUnderretninger(db, { familyId: input.familyId })).reverse(),
        };
        familyExportSchema.parse(document);
        return {
          // No name in the file name: it may sit in a Downloads folder.
          fileName: `familiespor-familie-${input.familyId}-${todayIso(now)}.json`,
          json: JSON.stringify(document, null, 2),
          schema: JSON.stringify(z.toJSONSchema(familyExportSchema), null, 2),
        };
      },
    },

    'retention:due': {
      audit: { action: 'read', subject: 'forløb klar til sletning' },
      async run({ db, now, families }) {
        const { familyRetentionYears } = await readSettings(db);
        const before = addMonths(todayIso(now), -12 * familyRetentionYears);
        const rows = await db.selectFrom('families').select(['id', 'display_name', 'end_date']).where('end_date', 'is not', null).where('end_date', '<', before).orderBy('end_date').execute();
        families.shown(rows.map((r) => r.id));
        return {
          retentionYears: familyRetentionYears,
          families: rows.map((r) => ({ familyId: r.id, displayName: r.display_name, endDate: r.end_date ?? '', dueSince: addMonths(r.end_date ?? '', 12 * familyRetentionYears) })),
        };
      },
    },

    'retention:deleteFamily': {
      audit: { action: 'change', subject: 'forløb slettet efter opbevaringsperioden' },
      write: true,
      async run({ db, user, now, families }, input) {
        const f = await db.selectFrom('families').select(['id', 'display_name', 'end_date']).where('id', '=', input.familyId).executeTakeFirst();
        if (!f) throw new AppFailure('not_found', 'Familien findes ikke.');
        const { familyRetentionYears } = await readSettings(db);
        if (!f.end_date) throw new AppFailure('conflict', 'Forløbet er ikke afsluttet og kan ikke slettes.');
        if (f.end_date >= addMonths(todayIso(now), -12 * familyRetentionYears)) {
          throw new AppFailure('conflict', `Opbevaringsperioden på ${familyRetentionYears} år efter forløbets afslutning er ikke gået endnu.`);
        }
        if (input.confirmName.toLocaleLowerCase('da') !== f.display_name.toLocaleLowerCase('da')) {
          const message = 'Skriv familiens navn nøjagtigt, som det står, for at bekræfte.';
          throw new AppFailure('invalid_input', message, [{ path: 'confirmName', message }]);
        }
        const deleted = await deleteDueFamily(db, { id: f.id, closedOn: f.end_date, retentionYears: familyRetentionYears, deletedBy: user.id, deletedAt: now.toISOString() }).catch(explainRefusal);
        // The access-log row names the family's former id only (no name: it is gone).
        families.shown([f.id]);
        return { deleted };
      },
    },
  });
}

/** A refusal by the server's own check, in Danish (the transaction rolls back: nothing is deleted). */
function explainRefusal(err: unknown): never {
  if (!(err instanceof FamilyDeletionRefused)) throw err;
  const code = err.reason === 'not_found' ? 'not_found' : err.reason === 'not_allowed' ? 'forbidden' : 'conflict';
  throw new AppFailure(code, SERVER_REFUSALS[err.reason]);
}
