import { Link } from 'wouter';
import { AccessLogEvents } from './AccessLogEvents';
import { FamilyReportPanel } from './FamilyReportPanel';
import { VerifyPanel } from './VerifyPanel';

const sections = [
  ['', 'Hændelser'],
  ['kontrol', 'Kontrol'],
  ['indsigt', 'Indsigt for en familie'],
] as const;

/** Ledelse → Adgangslog: the events (#/ledelse/adgangslog), the chain check (/kontrol) and a family's access report (/indsigt). */
export function AccessLogPage({ section, isAdmin }: { section: string; isAdmin: boolean }) {
  return (
    <>
      <h1>Adgangslog</h1>
      <p className="muted">Hvem har læst, søgt, skrevet, eksporteret og udskrevet hvad – nyeste først.</p>
      <nav className="tabs" aria-label="Adgangsloggens dele">
        {sections.map(([key, label]) => (
          <Link key={key} href={key ? `/ledelse/adgangslog/${key}` : '/ledelse/adgangslog'} aria-current={section === key ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {section === 'kontrol' ? <VerifyPanel isAdmin={isAdmin} /> : section === 'indsigt' ? <FamilyReportPanel /> : <AccessLogEvents />}
    </>
  );
}
