import { Link } from 'wouter';
import { words } from '../../../shared/words';
import { useLockNow, useMe, useSignOut } from './session';

/** Who is signed in, at the foot of the sidebar, with Lock (Ctrl+L) and Sign out. */
export function AccountFoot({ collapsed }: { collapsed: boolean }) {
  const me = useMe();
  const lock = useLockNow();
  const signOut = useSignOut();
  if (!me) return null;
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';
  return (
    <section className="account-foot" aria-label="Your account">
      {!collapsed && (
        <>
          <div className="who" title={`${me.displayName} (${me.username})`}>
            <Link href="/settings" className="nav-link" style={{ padding: 0 }}>
              {me.displayName}
            </Link>
          </div>
          <div className="role">{words.roles[me.role]}</div>
        </>
      )}
      <div className="account-actions">
        <button type="button" onClick={() => void lock()} title={`Lock (${mod}L)`} aria-label={collapsed ? 'Lock' : undefined}>
          {collapsed ? '🔒' : 'Lock'}
        </button>
        {!collapsed && (
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        )}
      </div>
    </section>
  );
}
