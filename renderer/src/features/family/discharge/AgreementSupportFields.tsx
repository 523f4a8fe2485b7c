import { useFieldArray, useFormContext } from 'react-hook-form';
import { agreementStatusLabels, type NetworkAgreement } from '../../../../../common/network';
import { partyLabel } from '../../../../../common/parties';
import { Field } from '../../../ui/Field';
import { SelectField } from '../../../ui/SelectField';
import { PartySelect, useErrorsAt } from '../plans/PartyFields';
import type { PartyOptionGroup } from '../plans/parties';
import { TextAreaField } from '../../../ui/TextAreaField';
import { emptyPlanAgreement, emptySupport, type DischargeForm } from './dischargeForm';

/** The plan's agreements: its own, or agreements made with the network linked in (their follow-up is read live). */
export function PlanAgreementFields({ groups, networkAgreements }: { groups: PartyOptionGroup[]; networkAgreements: NetworkAgreement[] }) {
  const { control } = useFormContext<DischargeForm>();
  const agreements = useFieldArray({ control, name: 'agreements' });
  return (
    <fieldset className="panel list-fields">
      <legend>Aftaler</legend>
      {agreements.fields.length === 0 && <p className="muted small">Ingen aftaler i planen endnu.</p>}
      {agreements.fields.map((a, i) => (
        <fieldset key={a.id} className="item-fields">
          <legend>Aftale {i + 1}</legend>
          <AgreementRow index={i} groups={groups} networkAgreements={networkAgreements} />
          <button type="button" className="secondary" onClick={() => agreements.remove(i)}>
            Fjern aftale {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="row-actions">
        <button type="button" className="secondary" onClick={() => agreements.append(emptyPlanAgreement)}>
          Tilføj aftale
        </button>
        {networkAgreements.length > 0 && (
          <button type="button" className="secondary" onClick={() => agreements.append({ ...emptyPlanAgreement, kind: 'network' })}>
            Tilføj aftale fra netværket
          </button>
        )}
      </div>
    </fieldset>
  );
}

function AgreementRow({ index: i, groups, networkAgreements }: { index: number; groups: PartyOptionGroup[]; networkAgreements: NetworkAgreement[] }) {
  const { register, watch } = useFormContext<DischargeForm>();
  const err = useErrorsAt(`agreements.${i}`);
  if (watch(`agreements.${i}.kind`) === 'network') {
    return (
      <SelectField
        label="Netværksaftale"
        id={`plan-agreement-${i}`}
        required
        placeholder="Vælg …"
        options={networkAgreements.map((n) => ({ value: String(n.id), label: `${n.what} – ${partyLabel(n.responsible)} (${agreementStatusLabels[n.status].toLowerCase()})` }))}
        {...register(`agreements.${i}.networkAgreementId`)}
        error={err('networkAgreementId')}
      />
    );
  }
  return (
    <>
      <PartySelect name={`agreements.${i}.responsible`} label="Hvem" groups={groups} required />
      <TextAreaField label="Hvad er aftalt" required rows={2} {...register(`agreements.${i}.what`)} error={err('what')} />
      <div className="row">
        <Field label="Hvornår" {...register(`agreements.${i}.when`)} error={err('when')} />
        <Field label="Senest" type="date" {...register(`agreements.${i}.dueDate`)} error={err('dueDate')} />
      </div>
    </>
  );
}

/** Support after the stay: the receiving service, its contact, the handover meeting and what is handed over. */
export function SupportFields() {
  const { control, register } = useFormContext<DischargeForm>();
  const support = useFieldArray({ control, name: 'support' });
  const errors = useFormContext<DischargeForm>().formState.errors.support;
  return (
    <fieldset className="panel list-fields">
      <legend>Støtte efter opholdet</legend>
      {support.fields.length === 0 && <p className="muted small">Ingen modtagende indsats endnu, fx ambulant familiebehandling eller sundhedspleje.</p>}
      {support.fields.map((s, i) => (
        <fieldset key={s.id} className="item-fields">
          <legend>Indsats {i + 1}</legend>
          <Field label="Modtagende indsats" required hint="Fx Ambulant familiebehandling, Greve Kommune" {...register(`support.${i}.service`)} error={errors?.[i]?.service?.message} />
          <div className="row">
            <Field label="Kontaktperson" {...register(`support.${i}.contactName`)} error={errors?.[i]?.contactName?.message} />
            <Field label="Kontakt" hint="Telefon eller e-mail" {...register(`support.${i}.contact`)} error={errors?.[i]?.contact?.message} />
            <Field label="Overleveringsmøde" type="date" {...register(`support.${i}.handoverMeetingOn`)} error={errors?.[i]?.handoverMeetingOn?.message} />
          </div>
          <TextAreaField label="Hvad der overleveres" rows={2} {...register(`support.${i}.handedOver`)} error={errors?.[i]?.handedOver?.message} />
          <button type="button" className="secondary" onClick={() => support.remove(i)}>
            Fjern indsats {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => support.append(emptySupport)}>
        Tilføj indsats
      </button>
    </fieldset>
  );
}
