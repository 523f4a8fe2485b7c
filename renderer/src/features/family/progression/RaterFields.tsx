import type { InstrumentDefinition } from '../../../../../common/instruments';
import type { SessionUser, UserRef } from '../../../../../common/users';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import type { MeasurementFormApi } from './measurementForm';

/**
 * Who rated: the one entering it (default), another staff member, or an external coder by name; and for alliance
 * instruments (SRS) the staff member the session was with.
 */
export function RaterFields({ form, def, staff, me }: { form: MeasurementFormApi; def: InstrumentDefinition; staff: UserRef[]; me: SessionUser }) {
  const kind = form.watch('raterKind');
  const e = form.formState.errors;
  const others = staff.filter((u) => u.id !== me.id);
  return (
    <div className="row">
      <fieldset className="field rater-kind">
        <legend>Bedømmer</legend>
        <div className="radio-row">
          <label>
            <input type="radio" value="me" {...form.register('raterKind')} /> Mig ({me.name})
          </label>
          <label>
            <input type="radio" value="staff" {...form.register('raterKind')} /> Anden medarbejder
          </label>
          <label>
            <input type="radio" value="external" {...form.register('raterKind')} /> Ekstern
          </label>
        </div>
      </fieldset>
      {kind === 'staff' && (
        <SelectField label="Medarbejder" id="m-rater" required placeholder="Vælg …" options={others.map((u) => ({ value: u.id, label: u.name }))} {...form.register('raterId')} error={e.raterId?.message} />
      )}
      {kind === 'external' && <Field label="Ekstern bedømmers navn" id="m-rater-name" required {...form.register('raterName')} error={e.raterName?.message} />}
      {def.perStaff && (
        <SelectField label="Samtalen var med" id="m-staff" required placeholder="Vælg …" options={staff.map((u) => ({ value: u.id, label: u.name }))} {...form.register('staffId')} error={e.staffId?.message} />
      )}
    </div>
  );
}
