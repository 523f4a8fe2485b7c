import { format } from 'date-fns';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import type { SessionUser } from '../../../../common/channels';
import { channels } from '../../../../common/channels';
import {
  outcomeLabels,
  outcomes,
  personKindLabels,
  personKinds,
  phaseLabels,
  phases,
  type FamilyDetail,
  type Person,
  type Phase,
} from '../../../../common/families';
import { teamRoleLabels, teamRoles } from '../../../../common/team';
import { ApiError, call, errorText } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { ObservationCard } from '../journal/ObservationCard';
import { Field, Notice } from '../../ui/Field';
import { labelOptions, SelectField } from '../../ui/SelectField';
import { formatDate, formatDateTime } from '../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { Timeline } from '../journal/Timeline';

export const familyTabs = [
  ['overblik', 'Overblik'],
  ['dagbog', 'Dagbog'],
  ['progression', 'Progression'],
  ['maal', 'Mål'],
  ['netvaerk', 'Netværk'],
  ['udslusning', 'Udslusning'],
  ['team', 'Team'],
  ['udskrifter', 'Udskrifter'],
] as const;

export function FamilyCard({ familyId, tab, user, onNewObservation }: { familyId: number; tab: string; user: SessionUser; onNewObservation: () => void }) {
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => call('families:get', { familyId }) });
  if (family.isError) return <Notice kind="error">{errorText(family.error)}</Notice>;
  if (!family.data) return <p className="muted">Henter familien …</p>;
  const f = family.data;
  return (
    <>
      <h1>{f.displayName}</h1>
      <p className="muted" style={{ marginTop: '-.5rem' }}>
        {f.endDate ? `Afsluttet ${formatDate(f.endDate)} · ${f.outcome ? outcomeLabels[f.outcome] : ''}` : phaseLabels[f.phase]}
        {f.daysInPlacement !== null && ` · ${f.daysInPlacement} dage i anbringelse`}
        {f.coordinatorName && ` · Tovholder: ${f.coordinatorName}`}
      </p>
      <nav className="tabs" aria-label="Familiens faneblade">
        {familyTabs.map(([key, label]) => (
          <Link key={key} href={`/familier/${f.id}/${key}`} aria-current={tab === key ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'overblik' && <Overview family={f} user={user} />}
      {tab === 'dagbog' && <Timeline family={f} onNewObservation={onNewObservation} />}
      {tab === 'team' && <TeamTab family={f} />}
      {!['overblik', 'dagbog', 'team'].includes(tab) && (
        <div className="panel">
          <p>Denne fane er endnu ikke bygget.</p>
        </div>
      )}
    </>
  );
}

function useFamilyMutation<I>(familyId: number, fn: (input: I) => Promise<FamilyDetail>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      queryClient.setQueryData(['family', familyId], data);
      void queryClient.invalidateQueries({ queryKey: ['families'] });
      void queryClient.invalidateQueries({ queryKey: ['front'] });
      onDone?.();
    },
  });
}

function Overview({ family: f, user }: { family: FamilyDetail; user: SessionUser }) {
  const [dialog, setDialog] = useState<null | 'phase' | 'close' | 'edit' | 'person' | { born: Person } | { editPerson: Person }>(null);
  const closed = f.endDate !== null;
  const isLeader = user.role !== 'staff';
  const currentIndex = phases.indexOf(f.phase);
  return (
    <>
      <div className="phase-line" aria-label="Faser">
        {phases.map((p, i) => {
          const started = [...f.phases].reverse().find((x) => x.phase === p);
          return (
            <div key={p} className={i === currentIndex && !closed ? 'current' : i < currentIndex || closed ? 'done' : undefined}>
              {phaseLabels[p]}
              <div className="small muted">{started ? `fra ${formatDate(started.fromDate)}` : 'ikke startet'}</div>
            </div>
          );
        })}
      </div>
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <button type="button" className="secondary" onClick={() => setDialog('phase')}>
            Skift fase
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('edit')}>
            Redigér oplysninger
          </button>
          {isLeader && (
            <button type="button" className="secondary" onClick={() => setDialog('close')}>
              Afslut forløb
            </button>
          )}
        </div>
      )}
      <div className="grid-2">
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Forløb</h2>
          <dl className="facts">
            <dt>Start</dt>
            <dd>{formatDate(f.startDate)}</dd>
            <dt>Planlagt slut</dt>
            <dd>{formatDate(f.plannedEndDate)}</dd>
            {f.endDate && (
              <>
                <dt>Afsluttet</dt>
                <dd>
                  {formatDate(f.endDate)} · {f.outcome ? outcomeLabels[f.outcome] : ''} {f.outcomeNote ? `· ${f.outcomeNote}` : ''}
                </dd>
              </>
            )}
            <dt>Kommune</dt>
            <dd>{f.municipality ?? '–'}</dd>
            <dt>Sagsbehandler</dt>
            <dd>
              {f.caseworkerName ?? '–'} {f.caseworkerContact ? `(${f.caseworkerContact})` : ''}
            </dd>
            <dt>Lovgrundlag</dt>
            <dd>{f.legalBasis}</dd>
          </dl>
          <h3>Faseskift</h3>
          <ul className="plain">
            {f.phases.map((p, i) => (
              <li key={i}>
                {formatDate(p.fromDate)}: {phaseLabels[p.phase]} <span className="muted small">(registreret af {p.recordedBy})</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Personer</h2>
          <ul className="plain">
            {f.persons.map((p) => (
              <PersonLine key={p.id} person={p} onBorn={closed ? undefined : () => setDialog({ born: p })} onEdit={closed ? undefined : () => setDialog({ editPerson: p })} />
            ))}
          </ul>
          {!closed && (
            <button type="button" className="link" onClick={() => setDialog('person')}>
              Tilføj person
            </button>
          )}
          <h2>Indsatsteam</h2>
          <ul className="plain">
            {f.team
              .filter((m) => !m.removedAt)
              .map((m) => (
                <li key={m.id}>
                  {m.name} · {m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]} {m.isCoordinator && <span className="badge">Tovholder</span>}
                </li>
              ))}
          </ul>
          <Link href={`/familier/${f.id}/team`}>Gå til team</Link>
        </div>
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Åbne alvorlige bekymringer</h2>
        {f.openConcerns.length === 0 ? <p className="muted">Ingen.</p> : f.openConcerns.map((o) => <ObservationCard key={o.id} observation={o} canAmend={false} />)}
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Seneste notater</h2>
        {f.latestObservations.length === 0 ? (
          <p className="muted">Ingen notater endnu.</p>
        ) : (
          f.latestObservations.map((o) => (
            <div key={o.id}>
              <div className="small muted">{formatDateTime(o.observedAt)}</div>
              <ObservationCard observation={o} canAmend={false} />
            </div>
          ))
        )}
        <Link href={`/familier/${f.id}/dagbog`}>Hele dagbogen</Link>
      </div>
      {dialog === 'phase' && <PhaseDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditFamilyDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'person' && <PersonDialog family={f} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'born' in dialog && <BornDialog family={f} person={dialog.born} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'editPerson' in dialog && <PersonDialog family={f} person={dialog.editPerson} onClose={() => setDialog(null)} />}
    </>
  );
}

function PersonLine({ person: p, onBorn, onEdit }: { person: Person; onBorn?: () => void; onEdit?: () => void }) {
  const [cpr, setCpr] = useState<string | null>(null);
  const unborn = p.kind === 'child' && !p.birthDate;
  return (
    <li>
      <strong>{p.name}</strong> · {personKindLabels[p.kind]}
      {p.birthDate && ` · født ${formatDate(p.birthDate)}`}
      {unborn && p.dueDate && ` · termin ${formatDate(p.dueDate)}`}
      {p.cprMasked && (
        <>
          {' · CPR '}
          <span className="nowrap">{cpr ?? p.cprMasked}</span>{' '}
          {cpr === null ? (
            <button type="button" className="link small" onClick={() => void call('persons:revealCpr', { personId: p.id }).then((r) => setCpr(r.cpr))} title="Visningen skrives i adgangsloggen">
              Vis
            </button>
          ) : (
            <button type="button" className="link small" onClick={() => setCpr(null)}>
              Skjul
            </button>
          )}
        </>
      )}
      {onEdit && (
        <>
          {' '}
          <button type="button" className="link small" onClick={onEdit} aria-label={`Redigér ${p.name}`}>
            Redigér
          </button>
        </>
      )}
      {unborn && onBorn && (
        <>
          {' '}
          <button type="button" className="link small" onClick={onBorn}>
            Markér som født
          </button>
        </>
      )}
    </li>
  );
}

function DialogForm({ title, onClose, error, onSubmit, submitLabel, children }: { title: string; onClose: () => void; error: string | null; onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>; submitLabel: string; children: ReactNode }) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {error && <Notice kind="error">{error}</Notice>}
        {children}
        <div className="actions">
          <button type="submit">{submitLabel}</button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function useSaved(family: FamilyDetail, onClose: () => void) {
  const queryClient = useQueryClient();
  return (data: FamilyDetail) => {
    queryClient.setQueryData(['family', family.id], data);
    void queryClient.invalidateQueries({ queryKey: ['families'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
    onClose();
  };
}

/** Today in local (Danish) time, as yyyy-MM-dd. */
const today = () => format(new Date(), 'yyyy-MM-dd');

function PhaseDialog({ family, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useSaved(family, onClose);
  const next = phases[Math.min(phases.indexOf(family.phase) + 1, phases.length - 1)]!;
  const { form, formError, submit } = useZodForm(z.object({ phase: z.enum(phases), fromDate: channels['families:changePhase'].input.shape.fromDate }), { phase: next, fromDate: today() });
  return (
    <DialogForm title="Skift fase" onClose={onClose} error={formError} submitLabel="Gem faseskift" onSubmit={submit(async (v) => saved(await call('families:changePhase', { familyId: family.id, phase: v.phase as Phase, fromDate: v.fromDate })))}>
      <SelectField label="Ny fase" id="phase-select" options={labelOptions(phases, phaseLabels)} autoFocus {...form.register('phase')} />
      <Field label="Fra dato" type="date" required {...form.register('fromDate')} error={form.formState.errors.fromDate?.message} />
    </DialogForm>
  );
}

function CloseDialog({ family, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useSaved(family, onClose);
  const shape = channels['families:close'].input.shape;
  const { form, formError, submit } = useZodForm(z.object({ endDate: shape.endDate, outcome: z.string().min(1, 'Vælg hvordan forløbet sluttede.'), outcomeNote: z.string().max(2000) }), {
    endDate: today(),
    outcome: '',
    outcomeNote: '',
  });
  const e = form.formState.errors;
  return (
    <DialogForm
      title={`Afslut forløbet for ${family.displayName}?`}
      onClose={onClose}
      error={formError}
      submitLabel="Afslut forløb"
      onSubmit={submit(async (v) => saved(await call('families:close', { familyId: family.id, endDate: v.endDate, outcome: v.outcome as (typeof outcomes)[number], outcomeNote: v.outcomeNote })))}
    >
      <p>Familien forsvinder fra listen over aktive familier. Alt kan stadig læses, men der kan ikke skrives mere.</p>
      <Field label="Slutdato" type="date" required {...form.register('endDate')} error={e.endDate?.message} />
      <SelectField label="Hvordan sluttede forløbet?" id="outcome" placeholder="Vælg …" options={labelOptions(outcomes, outcomeLabels)} {...form.register('outcome')} error={e.outcome?.message} />
      <Field label="Bemærkning" {...form.register('outcomeNote')} />
    </DialogForm>
  );
}

function EditFamilyDialog({ family: f, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useSaved(f, onClose);
  const schema = z.object({ displayName: z.string(), municipality: z.string(), caseworkerName: z.string(), caseworkerContact: z.string(), legalBasis: z.string(), startDate: z.string(), plannedEndDate: z.string() });
  const { form, formError, setFormError } = useZodForm(schema, {
    displayName: f.displayName,
    municipality: f.municipality ?? '',
    caseworkerName: f.caseworkerName ?? '',
    caseworkerContact: f.caseworkerContact ?? '',
    legalBasis: f.legalBasis,
    startDate: f.startDate,
    plannedEndDate: f.plannedEndDate,
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (v) => {
    try {
      saved(await call('families:update', { familyId: f.id, ...v }));
    } catch (err) {
      if (err instanceof ApiError && err.error.issues) for (const i of err.error.issues) form.setError(i.path as keyof typeof v, { message: i.message });
      else setFormError(errorText(err));
    }
  });
  return (
    <DialogForm title="Redigér oplysninger" onClose={onClose} error={formError} submitLabel="Gem" onSubmit={onSubmit}>
      <Field label="Familiens navn" required autoFocus {...form.register('displayName')} error={e.displayName?.message} />
      <div className="row">
        <Field label="Startdato" type="date" required {...form.register('startDate')} error={e.startDate?.message} />
        <Field label="Planlagt slutdato" type="date" {...form.register('plannedEndDate')} error={e.plannedEndDate?.message} />
      </div>
      <div className="row">
        <Field label="Henvisende kommune" {...form.register('municipality')} error={e.municipality?.message} />
        <Field label="Sagsbehandler" {...form.register('caseworkerName')} error={e.caseworkerName?.message} />
      </div>
      <Field label="Sagsbehandlers kontakt" {...form.register('caseworkerContact')} error={e.caseworkerContact?.message} />
      <Field label="Lovgrundlag" required {...form.register('legalBasis')} error={e.legalBasis?.message} />
    </DialogForm>
  );
}

function PersonDialog({ family, person, onClose }: { family: FamilyDetail; person?: Person; onClose: () => void }) {
  const saved = useSaved(family, onClose);
  const schema = z.object({ kind: z.enum(personKinds), name: z.string(), cpr: z.string(), removeCpr: z.boolean(), birthDate: z.string(), dueDate: z.string() });
  const { form, formError, setFormError } = useZodForm(schema, {
    kind: person?.kind ?? 'child',
    name: person?.name ?? '',
    cpr: '',
    removeCpr: false,
    birthDate: person?.birthDate ?? '',
    dueDate: person?.dueDate ?? '',
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async ({ removeCpr, ...v }) => {
    try {
      saved(
        person
          ? await call('persons:update', { personId: person.id, ...v, keepCpr: !removeCpr })
          : await call('persons:add', { familyId: family.id, ...v }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.error.issues) for (const i of err.error.issues) form.setError(i.path as keyof typeof v, { message: i.message });
      else setFormError(errorText(err));
    }
  });
  return (
    <DialogForm title={person ? `Redigér ${person.name}` : 'Tilføj person'} onClose={onClose} error={formError} submitLabel={person ? 'Gem' : 'Tilføj'} onSubmit={onSubmit}>
      <SelectField label="Hvem" id="person-kind" options={labelOptions(personKinds, personKindLabels)} autoFocus {...form.register('kind')} />
      <Field label="Navn" required {...form.register('name')} error={e.name?.message} />
      <Field
        label="CPR-nummer"
        hint={person?.cprMasked ? `Gemt: ${person.cprMasked}. Lad feltet stå tomt for at beholde det.` : 'Valgfrit'}
        autoComplete="off"
        {...form.register('cpr')}
        error={e.cpr?.message}
      />
      {person?.cprMasked && (
        <div className="field">
          <label className="check">
            <input type="checkbox" {...form.register('removeCpr')} /> Fjern CPR-nummeret
          </label>
        </div>
      )}
      <div className="row">
        <Field label="Fødselsdato" type="date" {...form.register('birthDate')} error={e.birthDate?.message} />
        <Field label="Terminsdato (ufødt barn)" type="date" {...form.register('dueDate')} error={e.dueDate?.message} />
      </div>
    </DialogForm>
  );
}

function BornDialog({ family, person, onClose }: { family: FamilyDetail; person: Person; onClose: () => void }) {
  const saved = useSaved(family, onClose);
  const shape = channels['persons:markBorn'].input.shape;
  const { form, formError, submit } = useZodForm(z.object({ name: shape.name, birthDate: shape.birthDate }), { name: person.name, birthDate: today() });
  return (
    <DialogForm title={`${person.name} er født`} onClose={onClose} error={formError} submitLabel="Gem" onSubmit={submit(async (v) => saved(await call('persons:markBorn', { personId: person.id, ...v })))}>
      <Field label="Barnets navn" required autoFocus {...form.register('name')} error={form.formState.errors.name?.message} />
      <Field label="Fødselsdato" type="date" required {...form.register('birthDate')} error={form.formState.errors.birthDate?.message} />
    </DialogForm>
  );
}

function TeamTab({ family: f }: { family: FamilyDetail }) {
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const [kind, setKind] = useState<'internal' | 'external'>('internal');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof teamRoles)[number]>('family_therapist');
  const [roleOther, setRoleOther] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const reset = () => {
    setUserId('');
    setName('');
    setRoleOther('');
    setOrganisation('');
    setPhone('');
    setEmail('');
  };
  const add = useFamilyMutation(f.id, () =>
    call('team:add', {
      familyId: f.id,
      ...(kind === 'internal' ? { userId: userId ? Number(userId) : undefined } : { name }),
      role,
      roleOther: role === 'other' ? roleOther : undefined,
      organisation: organisation || undefined,
      phone: phone || undefined,
      email: email || undefined,
    }),
    reset,
  );
  const setCoordinator = useFamilyMutation(f.id, (memberId: number) => call('team:setCoordinator', { familyId: f.id, memberId }));
  const remove = useFamilyMutation(f.id, (memberId: number) => call('team:remove', { memberId }));
  const closed = f.endDate !== null;
  const active = f.team.filter((m) => !m.removedAt);
  const mutationError = add.error ?? setCoordinator.error ?? remove.error;
  return (
    <>
      {mutationError && <Notice kind="error">{mutationError instanceof ApiError && mutationError.error.issues?.[0] ? mutationError.error.issues[0].message : errorText(mutationError)}</Notice>}
      <table className="list" data-testid="team">
        <thead>
          <tr>
            <th>Navn</th>
            <th>Rolle</th>
            <th>Organisation</th>
            <th>Telefon</th>
            <th>E-mail</th>
            <th>
              <span className="sr-only">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name} {m.isCoordinator && <span className="badge">Tovholder</span>}
              </td>
              <td>{m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]}</td>
              <td>{m.internal ? 'Intern' : (m.organisation ?? '–')}</td>
              <td>{m.phone ?? '–'}</td>
              <td>{m.email ?? '–'}</td>
              <td>
                {!closed && !m.isCoordinator && (
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => setCoordinator.mutate(m.id)}>
                      Gør til tovholder
                    </button>
                    <button type="button" className="secondary" onClick={() => remove.mutate(m.id)}>
                      Fjern
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!closed && (
        <form
          className="panel"
          style={{ marginTop: '1rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(undefined);
          }}
        >
          <h2 style={{ marginTop: 0 }}>Tilføj til teamet</h2>
          <div className="radio-row" style={{ marginBottom: '.75rem' }}>
            <label>
              <input type="radio" checked={kind === 'internal'} onChange={() => setKind('internal')} /> Medarbejder her
            </label>
            <label>
              <input type="radio" checked={kind === 'external'} onChange={() => setKind('external')} /> Ekstern fagperson
            </label>
          </div>
          <div className="row">
            {kind === 'internal' ? (
              <SelectField label="Medarbejder" id="team-user" placeholder="Vælg …" options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={userId} onChange={(e) => setUserId(e.target.value)} />
            ) : (
              <Field label="Navn" value={name} onChange={(e) => setName(e.target.value)} />
            )}
            <SelectField label="Rolle" id="team-role" options={labelOptions(teamRoles, teamRoleLabels)} value={role} onChange={(e) => setRole(e.target.value as (typeof teamRoles)[number])} />
            {role === 'other' && <Field label="Hvilken rolle" value={roleOther} onChange={(e) => setRoleOther(e.target.value)} />}
          </div>
          {kind === 'external' && (
            <div className="row">
              <Field label="Organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
              <Field label="Telefon" value={phone} onChange={(e) => setPhone(e.target.value)} />
              <Field label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          )}
          <button type="submit" disabled={add.isPending}>
            Tilføj
          </button>
        </form>
      )}
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Tovholdere over tid</h2>
        <table className="list">
          <thead>
            <tr>
              <th>Tovholder</th>
              <th>Fra</th>
              <th>Til</th>
              <th>Valgt af</th>
            </tr>
          </thead>
          <tbody>
            {f.coordinatorHistory.map((h, i) => (
              <tr key={i}>
                <td>{h.name}</td>
                <td>{formatDateTime(h.fromAt)}</td>
                <td>{h.toAt ? formatDateTime(h.toAt) : 'nu'}</td>
                <td>{h.setBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
