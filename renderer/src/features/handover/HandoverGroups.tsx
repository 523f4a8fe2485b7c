import type { Handover } from '../../../../common/channels/handover';
import { HandoverFamily } from './HandoverFamily';
import { hasNews } from './handoverText';

type Family = Handover['families'][number];

function Group({ title, families, level, print, testId }: { title: string; families: Family[]; level: 2 | 3; print?: boolean; testId: string }) {
  if (families.length === 0) return null;
  const Heading = `h${level}` as 'h2' | 'h3';
  const news = families.filter(hasNews);
  const quiet = families.filter((f) => !hasNews(f));
  return (
    <section className="handover-group" data-testid={testId} aria-label={title}>
      <Heading>{title}</Heading>
      <div className={print ? undefined : 'handover-grid'}>
        {news.map((f) => (
          <HandoverFamily key={f.familyId} family={f} level={(level + 1) as 3 | 4} print={print} />
        ))}
      </div>
      {quiet.length > 0 && (
        <p className="muted small" data-testid="handover-quiet">
          Intet nyt hos {quiet.map((f) => f.displayName).join(', ')}.
        </p>
      )}
    </section>
  );
}

/** The handover's families: the user's own (»Mine familier«, their indsatsteam) first, then the others. */
export function HandoverGroups({ handover, level, print }: { handover: Handover; level: 2 | 3; print?: boolean }) {
  const mine = handover.families.filter((f) => f.onMyTeam);
  const others = handover.families.filter((f) => !f.onMyTeam);
  if (handover.families.length === 0) return <p className="muted">Der bor ingen familier, du kan se, på institutionen lige nu.</p>;
  return (
    <>
      <Group title="Mine familier" families={mine} level={level} print={print} testId="handover-mine" />
      <Group title={mine.length > 0 ? 'Øvrige familier' : 'Familierne'} families={others} level={level} print={print} testId="handover-others" />
    </>
  );
}
