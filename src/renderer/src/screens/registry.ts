import type { ComponentType } from 'react';
import { AssessmentsScreen } from './assessments/AssessmentsScreen';
import { CrewScreen } from './crew/CrewScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { SettingsScreen } from './SettingsScreen';
import { TeamScreen } from './team/TeamScreen';
import { QuestionnairesScreen } from './questionnaires/QuestionnairesScreen';
import { RecruitmentScreen } from './fit/RecruitmentScreen';
import { VesselsScreen } from './vessels/VesselsScreen';

export interface ScreenEntry {
  /** Hash route, e.g. `/crew`; nested routes (`/crew/:id`) are matched by the screen itself. */
  path: string;
  label: string;
  /** A single glyph shown in the sidebar. */
  icon: string;
  component: ComponentType;
}

/**
 * The screens that exist, in sidebar order. Ctrl/Cmd + the position number jumps to each (Settings is Ctrl+,).
 * A screen appears here only when it works.
 */
export const screens: ScreenEntry[] = [
  { path: '/vessels', label: 'Vessels', icon: '⚑', component: VesselsScreen },
  { path: '/crew', label: 'Crew', icon: '☺', component: CrewScreen },
  { path: '/documents', label: 'Documents', icon: '▤', component: DocumentsScreen },
  { path: '/assessments', label: 'Assessments', icon: '◔', component: AssessmentsScreen },
  { path: '/questionnaires', label: 'Questionnaires', icon: '✎', component: QuestionnairesScreen },
  { path: '/team', label: 'Team dynamics', icon: '⚭', component: TeamScreen },
  { path: '/recruitment', label: 'Recruitment', icon: '⚖', component: RecruitmentScreen },
  { path: '/settings', label: 'Settings', icon: '⚙', component: SettingsScreen },
];

export const defaultPath = screens[0]!.path;
