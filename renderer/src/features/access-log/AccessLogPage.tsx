import { Link } from 'wouter';
import { AccessLogEvents } from './AccessLogEvents';
import { VerifyPanel } from './VerifyPanel';

const sections = [
  ['', 'Hændelser'],
  ['kontrol', 'Kontrol'],
] as const;

/** Ledelse → Adgangslog: the events (#/ledelse/adgangslog) and the chain check (/kontrol). */
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
      {section === 'kontrol' ? <VerifyPanel isAdmin={isAdmin} /> : <AccessLogEvents isAdmin={isAdmin} />}
    </>
  );
}
