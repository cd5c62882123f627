import { useMemo, type ComponentType } from 'react';
import type { Capability } from '../../../shared/auth/roles';
import { useMe } from '../auth/session';
import { AssessmentsScreen } from './assessments/AssessmentsScreen';
import { AuditScreen } from './audit/AuditScreen';
import { CrewScreen } from './crew/CrewScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { SettingsScreen } from './SettingsScreen';
import { TeamScreen } from './team/TeamScreen';
import { QuestionnairesScreen } from './questionnaires/QuestionnairesScreen';
import { RecruitmentScreen } from './fit/RecruitmentScreen';
import { VesselsScreen } from './vessels/VesselsScreen';

import { SCREENS, screensFor, type ScreenPath } from '../../../shared/screens';
import { UsersScreen } from './users/UsersScreen';

export interface ScreenEntry {
  /** Hash route, e.g. `/crew`; nested routes (`/crew/:id`) are matched by the screen itself. */
  path: ScreenPath;
  label: string;
  /** The capability a user needs to see the screen (null: everyone signed in). */
  needs: Capability | null;
  /** A single glyph shown in the sidebar. */
  icon: string;
  component: ComponentType;
}

const parts: Record<ScreenPath, { icon: string; component: ComponentType }> = {
  '/vessels': { icon: '⚑', component: VesselsScreen },
  '/crew': { icon: '☺', component: CrewScreen },
  '/documents': { icon: '▤', component: DocumentsScreen },
  '/assessments': { icon: '◔', component: AssessmentsScreen },
  '/questionnaires': { icon: '✎', component: QuestionnairesScreen },
  '/team': { icon: '⚭', component: TeamScreen },
  '/recruitment': { icon: '⚖', component: RecruitmentScreen },
  '/audit': { icon: '⛓', component: AuditScreen },
  '/users': { icon: '☷', component: UsersScreen },
  '/settings': { icon: '⚙', component: SettingsScreen },
};

/** The screens in sidebar order (src/shared/screens.ts), each with its glyph and component. */
export const screens: ScreenEntry[] = SCREENS.map((s) => ({ ...s, ...parts[s.path] }));

/**
 * The screens the signed-in user may open, and the first of them (where the app opens). The sidebar, the keys
 * and the routes follow it; the core refuses the rest anyway.
 */
export function useVisibleScreens(): { visible: ScreenEntry[]; defaultPath: ScreenPath } {
  const capabilities = useMe()?.capabilities;
  return useMemo(() => {
    const visible = screensFor(screens, new Set(capabilities ?? []));
    return { visible, defaultPath: visible[0]?.path ?? '/settings' };
  }, [capabilities]);
}
