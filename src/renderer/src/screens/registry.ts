import type { ComponentType } from 'react';
import { AssessmentsScreen } from './assessments/AssessmentsScreen';
import { AuditScreen } from './audit/AuditScreen';
import { CrewScreen } from './crew/CrewScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { SettingsScreen } from './SettingsScreen';
import { TeamScreen } from './team/TeamScreen';
import { QuestionnairesScreen } from './questionnaires/QuestionnairesScreen';
import { RecruitmentScreen } from './fit/RecruitmentScreen';
import { VesselsScreen } from './vessels/VesselsScreen';

import { SCREENS, type ScreenPath } from '../../../shared/screens';

export interface ScreenEntry {
  /** Hash route, e.g. `/crew`; nested routes (`/crew/:id`) are matched by the screen itself. */
  path: ScreenPath;
  label: string;
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
  '/settings': { icon: '⚙', component: SettingsScreen },
};

/** The screens in sidebar order (src/shared/screens.ts), each with its glyph and component. */
export const screens: ScreenEntry[] = SCREENS.map((s) => ({ ...s, ...parts[s.path] }));

export const defaultPath = screens[0]!.path;
