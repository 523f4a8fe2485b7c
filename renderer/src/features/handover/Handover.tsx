import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_SHIFT_TIMES } from '../../../../common/shift-time';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { printHref } from '../../ui/print/printRoute';
import { HandoverGroups } from './HandoverGroups';
import { handoverPeriod } from './handoverText';
import { SinceChooser, type Since } from './SinceChooser';

/**
 * »Siden sidst« on the front page: the vagtoverlevering across the families living at the institution that the user
 * may see, since the previous shift began (or a chosen time), the user's own families first. Printable on A4.
 */
export function Handover() {
  const [since, setSince] = useState<Since>(null);
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}), staleTime: 5 * 60_000 });
  // Under 'front': a signed note or an acknowledged concern refreshes it with the rest of the front page.
  const handover = useQuery({ queryKey: ['front', 'handover', since], queryFn: () => call('handover:get', since ? { since } : {}) });
  return (
    <section className="panel handover" aria-labelledby="handover-title" data-testid="handover">
      <div className="handover-head">
        <h2 id="handover-title">Siden sidst</h2>
        {handover.data && <span className="muted">{handoverPeriod(handover.data)}</span>}
        <span className="spacer" />
        <a className="button secondary no-print" href={printHref('vagtoverlevering', { fra: since ?? undefined })}>
          Udskriv overleveringen
        </a>
      </div>
      <SinceChooser value={since} onChange={setSince} times={settings.data?.shiftTimes ?? DEFAULT_SHIFT_TIMES} />
      {handover.isError && <Notice kind="error">{errorText(handover.error)}</Notice>}
      {handover.data && <HandoverGroups handover={handover.data} level={3} />}
    </section>
  );
}
