import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { SessionUser } from '../../../../../common/users';
import { printHref } from '../../../ui/print/printRoute';
import { DischargePrintouts } from '../discharge/DischargePrintouts';
import { ProgressionReportPanel } from './ProgressionReportPanel';
import { StatusReportEditor } from './StatusReportEditor';
import { StatusReportList } from './StatusReportList';
import './prints.css';

/** Udskrifter: every printout of the family — the progression report, the statusrapporter til kommunen, the goals sheet, and the network and udslusning printouts. */
export function PrintsTab({ family, user }: { family: FamilyDetail; user: SessionUser }) {
  const [openReport, setOpenReport] = useState<number | null>(null);
  if (openReport !== null) return <StatusReportEditor reportId={openReport} family={family} user={user} onBack={() => setOpenReport(null)} />;
  return (
    <>
      <ProgressionReportPanel family={family} />
      <section className="panel" aria-labelledby="goals-sheet-title">
        <h2 id="goals-sheet-title" className="panel-title">
          Jeres mål
        </h2>
        <p className="muted">Familiens mål i gang, i et enkelt sprog til forældrene, med den seneste opfølgning og plads til underskrifter.</p>
        <a className="button secondary" href={printHref(`maal/${family.id}`)}>
          Vis målene til forældrene
        </a>
      </section>
      <StatusReportList family={family} onOpen={setOpenReport} />
      <DischargePrintouts family={family} />
    </>
  );
}
