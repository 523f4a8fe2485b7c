import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** A link in the left navigation, marked as the current page for its own route and the routes below it. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const active = location === href || (href !== '/' && location.startsWith(href + '/'));
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
