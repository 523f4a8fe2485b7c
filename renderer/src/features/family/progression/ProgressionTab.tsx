import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { Measurement } from '../../../../../common/measurements';
import type { SessionUser } from '../../../../../common/users';
import { call, errorText } from '../../../app/api';
import { phaseMarkers } from '../../../ui/charts/chartModel';
import { Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { AllianceSection } from './AllianceSection';
import { familyDomain, instrumentFigure } from './chartLines';
import { DueList } from './DueList';
import { FigureView } from './FigureView';
import { MeasurementDialog, type MeasurementPreset } from './MeasurementDialog';
import { MeasurementList, WithdrawDialog } from './MeasurementList';
import './progression.css';

export function useInstruments(includeInactive = false) {
  return useQuery({ queryKey: ['instruments', includeInactive], queryFn: () => call('instruments:list', { includeInactive }) });
}

/**
 * Progression (kerneelement 3): what is due, entering measurements, the charts per instrument with the cut-off band and
 * the family's phases, the alliance per staff member, and every measurement with its corrections.
 */
export function ProgressionTab({ family, user }: { family: FamilyDetail; user: SessionUser }) {
  const progression = useQuery({ queryKey: ['progression', family.id], queryFn: () => call('progression:family', { familyId: family.id }) });
  const chart = useQuery({ queryKey: ['chart', family.id], queryFn: () => call('progression:chart', { familyId: family.id }) });
  const instruments = useInstruments(true);
  const directory = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const [dialog, setDialog] = useState<null | { preset?: MeasurementPreset } | { correct: Measurement } | { withdraw: Measurement }>(null);
  const error = progression.error ?? chart.error ?? instruments.error;
  if (error) return <Notice kind="error">{errorText(error)}</Notice>;
  if (!progression.data || !chart.data || !instruments.data) return <p className="muted">Henter progression …</p>;
  const p = progression.data;
  const c = chart.data;
  const closed = family.endDate !== null;
  const xDomain = familyDomain(c, {}, today());
  const figures = c.instruments.map((inst) => instrumentFigure(inst, c, xDomain));
  const staff = (directory.data ?? []).filter((u) => u.active);
  return (
    <>
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <button type="button" onClick={() => setDialog({})}>
            Ny måling
          </button>
        </div>
      )}
      <DueList progression={p} familyId={family.id} closed={closed} onRegister={(preset) => setDialog({ preset })} />
      <section className="panel" aria-labelledby="charts-title">
        <h2 id="charts-title" className="panel-title">
          Grafer
        </h2>
        {figures.length === 0 ? (
          <p className="muted">Graferne vises, når der er registreret målinger.</p>
        ) : (
          <div className="chart-grid">
            {figures.map((f) => (
              <FigureView key={f.key} figure={f} />
            ))}
          </div>
        )}
        <p className="muted small">Stiplede lodrette linjer markerer faseskift. Det skraverede felt er området ud over grænseværdien. Åbne markører er målinger ud over grænseværdien.</p>
      </section>
      <section className="panel" aria-labelledby="alliance-title">
        <h2 id="alliance-title" className="panel-title">
          Samarbejdsalliancen
        </h2>
        <AllianceSection pairs={p.alliance} xDomain={xDomain} markers={phaseMarkers(c.phases, xDomain)} />
      </section>
      <section aria-labelledby="measurements-title">
        <h2 id="measurements-title">Målinger</h2>
        <MeasurementList measurements={p.measurements} closed={closed} onCorrect={(m) => setDialog({ correct: m })} onWithdraw={(m) => setDialog({ withdraw: m })} />
      </section>
      {dialog && 'withdraw' in dialog && <WithdrawDialog measurement={dialog.withdraw} onClose={() => setDialog(null)} />}
      {dialog && !('withdraw' in dialog) && (
        <MeasurementDialog
          family={family}
          instruments={instruments.data}
          staff={staff}
          me={user}
          preset={'preset' in dialog ? dialog.preset : undefined}
          correcting={'correct' in dialog ? dialog.correct : undefined}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
