import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import { statusReportSectionLabels, statusReportSections, type StatusReport, type StatusReportSection } from '../../../../../common/status-reports';
import type { SessionUser } from '../../../../../common/users';
import { call, errorText } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Field';
import { formatDate, today } from '../../../ui/format';
import { printHref } from '../../../ui/print/printRoute';
import { ObservationPicker } from '../notes/ObservationPicker';
import { StatusReportFacts, StatusReportSections } from './StatusReportBody';
import { statusText } from './StatusReportList';

/** A statusrapport: while a draft, the period, the written sections and the chosen notes; signed, read-only and printable. */
export function StatusReportEditor({ reportId, family, user, onBack }: { reportId: number; family: FamilyDetail; user: SessionUser; onBack: () => void }) {
  const report = useQuery({ queryKey: ['statusReport', reportId], queryFn: () => call('statusReports:get', { reportId }) });
  if (report.isError) return <Notice kind="error">{errorText(report.error)}</Notice>;
  if (!report.data) return <p className="muted">Henter statusrapporten …</p>;
  const r = report.data;
  return (
    <>
      <div className="actions no-print" style={{ marginTop: 0 }}>
        <button type="button" className="secondary" onClick={onBack}>
          Tilbage til udskrifter
        </button>
        {r.signed && (
          <a className="button" href={printHref(`statusrapport/${r.id}`)}>
            Udskriv statusrapporten
          </a>
        )}
      </div>
      <h2>
        Statusrapport {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}
      </h2>
      <p className="muted" data-testid="status-report-state">
        {statusText(r)}
      </p>
      {r.signed ? (
        <div className="panel">
          <StatusReportSections sections={r.sections} />
          <StatusReportFacts content={r.content} />
        </div>
      ) : (
        <DraftForm key={r.id} report={r} family={family} user={user} />
      )}
    </>
  );
}

/** Why the user may not sign (null when they may): the tovholder signs; a leader when the tovholder has no login. */
function whoSigns(family: FamilyDetail, user: SessionUser): string | null {
  const current = family.coordinatorHistory.find((p) => p.toAt === null);
  const member = family.team.find((m) => m.id === current?.memberId);
  if (member && member.userId !== null) return member.userId === user.id ? null : `Kun familiens tovholder, ${member.name}, kan underskrive.`;
  return user.role === 'staff' ? 'Familiens tovholder har intet login, så en leder underskriver.' : null;
}

function DraftForm({ report: r, family, user }: { report: StatusReport; family: FamilyDetail; user: SessionUser }) {
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(r.periodFrom);
  const [to, setTo] = useState(r.periodTo);
  const [sections, setSections] = useState<Partial<Record<StatusReportSection, string>>>(r.sections);
  const [observationIds, setObservationIds] = useState<number[]>(r.observationIds);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmSign, setConfirmSign] = useState(false);
  const [busy, setBusy] = useState(false);
  const signer = whoSigns(family, user);
  const refresh = async (next: StatusReport) => {
    queryClient.setQueryData(['statusReport', r.id], next);
    await queryClient.invalidateQueries({ queryKey: ['statusReports', family.id] });
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const save = () => call('statusReports:update', { reportId: r.id, periodFrom: from, periodTo: to, observationIds, sections });
  const onSave = () =>
    run(async () => {
      await refresh(await save());
      setSaved(true);
    });
  const onSign = () =>
    run(async () => {
      setConfirmSign(false);
      await save();
      await refresh(await call('statusReports:sign', { reportId: r.id }));
    });
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      {saved && <Notice kind="ok">Kladden er gemt.</Notice>}
      <div className="panel">
        <div className="row">
          <div className="field">
            <label htmlFor="sr-edit-from">Periode fra</label>
            <input id="sr-edit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="sr-edit-to">Periode til</label>
            <input id="sr-edit-to" type="date" value={to} max={today()} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        {statusReportSections.map((s) => (
          <div className="field" key={s}>
            <label htmlFor={`sr-section-${s}`}>{statusReportSectionLabels[s]}</label>
            <textarea id={`sr-section-${s}`} rows={s === 'summary' || s === 'assessment' ? 5 : 3} value={sections[s] ?? ''} onChange={(e) => setSections({ ...sections, [s]: e.target.value })} />
          </div>
        ))}
        <ObservationPicker familyId={family.id} selected={observationIds} onChange={setObservationIds} from={from} to={to} label="Dagbogsnotater med i rapporten" />
        <div className="actions">
          <button type="button" onClick={() => void onSave()} disabled={busy}>
            Gem kladde
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmSign(true)} disabled={busy}>
            Underskriv
          </button>
        </div>
        {signer && <p className="small muted">{signer}</p>}
      </div>
      <h3>Det samles fra perioden {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}</h3>
      <p className="small muted">Gem kladden for at opdatere, når perioden eller notaterne er ændret.</p>
      <div className="panel">
        <StatusReportFacts content={r.content} />
      </div>
      {confirmSign && (
        <Dialog title="Underskriv statusrapporten?" onClose={() => setConfirmSign(false)} initialFocusId="sign-confirm">
          <p>Rapporten gemmes og underskrives af dig. Den kan ikke ændres bagefter.</p>
          <div className="actions">
            <button type="button" id="sign-confirm" onClick={() => void onSign()} disabled={busy}>
              Underskriv
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmSign(false)}>
              Annullér
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
