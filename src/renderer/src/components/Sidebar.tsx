import { Link, useLocation } from 'wouter';
import { screenKey } from '../../../shared/screens';
import { AccountFoot } from '../auth/AccountFoot';
import { useCan } from '../auth/session';
import { useVisibleScreens } from '../screens/registry';
import { useLayout } from '../state/ui';
import { ExpiryBell } from './documents/ExpiryBell';

export function Sidebar() {
  const [location] = useLocation();
  const { sidebarCollapsed, toggleSidebar } = useLayout();
  const { visible } = useVisibleScreens();
  const seesDocuments = useCan('documents.read');
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';
  return (
    <nav className={sidebarCollapsed ? 'sidebar collapsed' : 'sidebar'} aria-label="Screens">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ⚓
        </span>
        {!sidebarCollapsed && <span className="brand-name">Harmony Crew</span>}
      </div>
      <ul>
        {visible.map((screen) => {
          const active = location === screen.path || location.startsWith(`${screen.path}/`);
          const key = screenKey(screen.path);
          const shortcut = key ? `${mod}${key}` : undefined;
          return (
            <li key={screen.path}>
              <Link
                href={screen.path}
                className={active ? 'nav-link active' : 'nav-link'}
                aria-current={active ? 'page' : undefined}
                title={shortcut ? `${screen.label} (${shortcut})` : screen.label}
              >
                <span className="nav-icon" aria-hidden>
                  {screen.icon}
                </span>
                {!sidebarCollapsed && <span>{screen.label}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
      {seesDocuments && <ExpiryBell collapsed={sidebarCollapsed} />}
      <AccountFoot collapsed={sidebarCollapsed} />
      <button type="button" className="sidebar-toggle" onClick={toggleSidebar} aria-label={sidebarCollapsed ? 'Expand sidebar' : 'Collapse sidebar'}>
        {sidebarCollapsed ? '»' : '«'}
      </button>
    </nav>
  );
}
