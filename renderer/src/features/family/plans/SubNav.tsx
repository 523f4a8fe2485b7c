import { Link } from 'wouter';

/** The sections inside one of the family card's tabs, as links (the URL names the section, so back and forward work). */
export function SubNav({ label, items, current }: { label: string; items: ReadonlyArray<readonly [href: string, text: string]>; current: string }) {
  return (
    <nav className="subnav no-print" aria-label={label}>
      {items.map(([href, text]) => (
        <Link key={href} href={href} aria-current={href === current ? 'page' : undefined}>
          {text}
        </Link>
      ))}
    </nav>
  );
}
