import type { FamilyDetail } from '../../../../../common/families';
import { printHref } from '../../../ui/print/printRoute';
import '../plans/plans.css';

/** The printouts of the network, the plans and the handover, with whom each is for. */
export const dischargePrintouts = [
  { path: 'udslusningsplan', title: 'Udslusningsplan', audience: 'Til forældrene og samarbejdspartnerne: trinnene, hvem der gør hvad og hvornår, aftaler og støtten bagefter.' },
  { path: 'sikkerhedsplan', title: 'Sikkerhedsplan', audience: 'Til familien, i et enkelt sprog: bekymringer, hvad familien gør, hvem de ringer til, og de aftalte tegn.' },
  { path: 'netvaerkskort', title: 'Netværkskort', audience: 'Kortet over familiens netværk på en A4-side, med forklaring og liste.' },
  { path: 'overleveringspakke', title: 'Overleveringspakke', audience: 'Til den modtagende indsats og kommunen: familien, teamet, planen, netværket og sikkerhedsplanen — uden CPR-numre.' },
] as const;

/**
 * The Udskrifter tab's entries for the network and udslusning (the tab's other printouts are listed beside these).
 * Each opens its A4 print view; printing it is written to the access log.
 */
export function DischargePrintouts({ family }: { family: FamilyDetail }) {
  return (
    <section className="panel" aria-labelledby="discharge-printouts-title" data-testid="discharge-printouts">
      <h2 id="discharge-printouts-title" style={{ marginTop: 0 }}>
        Netværk og udslusning
      </h2>
      <ul className="plain printouts">
        {dischargePrintouts.map((p) => (
          <li key={p.path}>
            <a className="button secondary" href={printHref(`${p.path}/${family.id}`)}>
              {p.title}
            </a>
            <span className="small">{p.audience}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">Udskrifterne åbner som A4-sider. Tryk «Udskriv», og vælg printeren eller «Gem som PDF». Hver udskrift skrives i adgangsloggen.</p>
    </section>
  );
}
