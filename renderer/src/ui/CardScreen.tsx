import type { ReactNode } from 'react';

/**
 * The screens before the app opens (setup, login, recovery, a new password, the recovery code): one card in the middle
 * of the window, inside the page's <main> landmark, with the product's name above the heading.
 */
export function CardScreen({ children, wide, role, labelledBy }: { children: ReactNode; wide?: boolean; role?: 'alert'; labelledBy?: string }) {
  return (
    <main className="center-screen">
      <div className={wide ? 'card wide' : 'card'} role={role} aria-labelledby={labelledBy}>
        <div className="brand">Familiespor</div>
        {children}
      </div>
    </main>
  );
}
