import { useQuery } from '@tanstack/react-query';
import { goalAreaLabels, type Goal } from '../../../../../common/goals';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { formatDate, today } from '../../../ui/format';
import { PrintLayout } from '../../../ui/print/PrintLayout';
import { usePrintRecord } from '../../../ui/print/usePrintRecord';
import { Signatures } from './Signatures';
import './prints.css';

const scaleText = (g: Goal) => `fra ${g.scale.min}${g.scale.lowLabel ? ` (${g.scale.lowLabel})` : ''} til ${g.scale.max}${g.scale.highLabel ? ` (${g.scale.highLabel})` : ''}`;

/** «Jeres mål»: the family's current goals in plain Danish for the parents, with the latest review and room to sign. */
export function GoalsSheetPrint({ familyId, institutionName, printedBy }: { familyId: number; institutionName: string; printedBy: string }) {
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => call('families:get', { familyId }) });
  const goals = useQuery({ queryKey: ['goals', familyId], queryFn: () => call('goals:list', { familyId }), staleTime: 0 });
  const printed = usePrintRecord('goals_sheet', [familyId]);
  const error = family.error ?? goals.error;
  if (error)
    return (
      <div className="print-screen">
        <div className="print-sheet">
          <Notice kind="error">{errorText(error)}</Notice>
          <a href={`#/familier/${familyId}/udskrifter`}>Tilbage til familien</a>
        </div>
      </div>
    );
  if (!family.data || !goals.data) return <p className="muted center-screen">Henter målene …</p>;
  const current = goals.data.filter((g) => g.status === 'active' || g.status === 'paused');
  return (
    <PrintLayout title="Jeres mål" institutionName={institutionName} familyName={family.data.displayName} period={{ from: null, to: today() }} printedBy={printedBy} backHref={`/familier/${familyId}/udskrifter`} printed={printed}>
      <p>Her er de mål, I har sat jer sammen med os. Målene er skrevet med jeres egne ord. Vi taler om dem igen ved hver opfølgning, hvor både I og vi giver et tal for, hvor langt I er nået.</p>
      {current.length === 0 && <p className="muted">I har ingen mål i gang lige nu.</p>}
      <ol className="goals-sheet">
        {current.map((g) => {
          const last = g.reviews.at(-1);
          return (
            <li key={g.id} className="print-goal" data-testid="sheet-goal">
              <h2 className="goal-words">{g.text}</h2>
              <p>
                Område: {g.area === 'other' && g.areaOther ? g.areaOther : goalAreaLabels[g.area]}. Vi begyndte {formatDate(g.startDate)}
                {g.targetDate ? `, og målet skal helst være nået ${formatDate(g.targetDate)}` : ''}.{g.status === 'paused' && ' Målet er sat på pause.'}
              </p>
              <p>Vi giver et tal {scaleText(g)}.</p>
              {last ? (
                <p>
                  Sidste opfølgning var {formatDate(last.reviewedOn)}. I gav {last.parentScore ?? 'ikke et tal'}, og vi gav {last.staffScore ?? 'ikke et tal'}.
                  {last.parentComment && ` I sagde: «${last.parentComment}»`}
                </p>
              ) : (
                <p>Vi har ikke haft en opfølgning endnu.</p>
              )}
              {g.reviewDue && <p>Næste opfølgning: {formatDate(g.reviewDue.dueOn)}.</p>}
            </li>
          );
        })}
      </ol>
      <Signatures roles={['Forælder', 'Forælder', 'Tovholder']} />
    </PrintLayout>
  );
}
