import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { SessionUser } from '../../../../../common/users';
import { ProgressionReportPanel } from './ProgressionReportPanel';
import { StatusReportEditor } from './StatusReportEditor';
import { StatusReportList } from './StatusReportList';
import './prints.css';

/** Udskrifter: every printout of the family — the progression report and the statusrapporter til kommunen. */
export function PrintsTab({ family, user }: { family: FamilyDetail; user: SessionUser }) {
  const [openReport, setOpenReport] = useState<number | null>(null);
  if (openReport !== null) return <StatusReportEditor reportId={openReport} family={family} user={user} onBack={() => setOpenReport(null)} />;
  return (
    <>
      <ProgressionReportPanel family={family} />
      <StatusReportList family={family} onOpen={setOpenReport} />
    </>
  );
}
