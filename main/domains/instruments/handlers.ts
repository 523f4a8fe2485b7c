import { AppFailure } from '../../../common/errors';
import { builtinChangeProblem } from '../../../common/instruments';
import { handlers } from '../../core/context';
import { currentVersion, loadInstrument, loadInstruments } from './queries';

async function nameTaken(db: Parameters<typeof loadInstruments>[0], name: string, exceptId?: number): Promise<boolean> {
  const all = await loadInstruments(db, { includeInactive: true });
  return all.some((i) => i.id !== exceptId && i.definition.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da'));
}

const nameInUse = () => {
  const message = 'Der findes allerede et måleredskab med det navn.';
  return new AppFailure('invalid_input', message, [{ path: 'definition.name', message }]);
};

/** The instruments: definitions as data, every change a new version. No family data. */
export const instrumentHandlers = handlers({
  'instruments:list': {
    audit: 'none', // the institution's instrument definitions: no family data
    async run({ db }, input) {
      return loadInstruments(db, { includeInactive: input.includeInactive });
    },
  },

  'instruments:create': {
    audit: { action: 'create', subject: 'måleredskab oprettet', detail: (_i, out) => ({ instrumentId: out.id, name: out.definition.name }) },
    write: true,
    async run({ db, user, now }, input) {
      if (await nameTaken(db, input.definition.name)) throw nameInUse();
      const at = now.toISOString();
      const row = await db.insertInto('instruments').values({ key: null, builtin: 0, active: 1, created_by: user.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('instrument_versions')
        .values({ instrument_id: row.id, version: 1, definition: JSON.stringify(input.definition), note: null, created_by: user.id, created_at: at })
        .execute();
      return loadInstrument(db, row.id);
    },
  },

  'instruments:update': {
    audit: { action: 'change', subject: 'måleredskab: ny version', detail: (input, out) => ({ instrumentId: input.instrumentId, version: out.version }) },
    write: true,
    async run({ db, user, now }, input) {
      const instrument = await loadInstrument(db, input.instrumentId);
      const current = await currentVersion(db, input.instrumentId);
      if (instrument.builtin) {
        const problem = builtinChangeProblem(current.definition, input.definition);
        if (problem) throw new AppFailure('invalid_input', problem, [{ path: 'definition', message: problem }]);
      }
      if (await nameTaken(db, input.definition.name, input.instrumentId)) throw nameInUse();
      if (JSON.stringify(current.definition) === JSON.stringify(input.definition)) throw new AppFailure('conflict', 'Definitionen er uændret.');
      await db
        .insertInto('instrument_versions')
        .values({ instrument_id: input.instrumentId, version: current.version + 1, definition: JSON.stringify(input.definition), note: input.note, created_by: user.id, created_at: now.toISOString() })
        .execute();
      return loadInstrument(db, input.instrumentId);
    },
  },

  'instruments:setActive': {
    audit: { action: 'change', subject: (input) => (input.active ? 'måleredskab taget i brug' : 'måleredskab taget ud af brug'), detail: (input) => ({ instrumentId: input.instrumentId }) },
    write: true,
    async run({ db }, input) {
      await loadInstrument(db, input.instrumentId);
      await db.updateTable('instruments').set({ active: input.active ? 1 : 0 }).where('id', '=', input.instrumentId).execute();
      return loadInstrument(db, input.instrumentId);
    },
  },
});
