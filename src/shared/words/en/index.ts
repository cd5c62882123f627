import type { Words } from '../types';
import { accounts } from './accounts';
import { assessments } from './assessments';
import { documents } from './documents';
import { domain } from './domain';
import { fields } from './fields';
import { fleet } from './fleet';
import { pipeline } from './pipeline';
import { questionnaires } from './questionnaires';
import { recruitment } from './recruitment';
import { system } from './system';
import { team } from './team';

/** The English words of the app. */
export const en: Words = { ...domain, ...fleet, ...documents, ...assessments, ...questionnaires, ...team, ...recruitment, ...pipeline, ...system, ...accounts, ...fields };
