import type { ReactNode } from 'react';
import '../styles/accounts.css';

/** The frame of the screens shown before the app opens: first start, sign-in, the lock, the recovery code. */
export function AuthPage({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <main className="auth-page">
      <section className={wide ? 'auth-card wide' : 'auth-card'} aria-labelledby="auth-title">
        <div className="auth-brand" aria-hidden>
          ⚓ Harmony Crew
        </div>
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
