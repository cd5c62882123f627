import { z } from 'zod';
import { psychometricsProcedures } from './psychometrics';
import { documentProcedures } from './documents';
import { documentRecordProcedures } from './document-records';
import { systemProcedures } from './system';
import { taskProcedures, taskProgressSchema } from './tasks';
import { vesselProcedures } from './vessels';
import { peopleProcedures } from './people';
import { assignmentProcedures } from './assignments';
import { demoProcedures } from './demo';
import { assessmentProcedures } from './assessments';
import { normsProcedures } from './norms';
import { instrumentProcedures } from './instruments';
import { teamProcedures } from './team';
import { manningProcedures } from './manning';
import { fitProcedures, fitRecordProcedures } from './fit';
import { sessionProcedures } from './sessions';
import { pulseProcedures } from './pulse';
import { profileProcedures } from './profiles';
import { requisitionProcedures } from './recruitment';
import { interviewProcedures } from './interviews';
import { candidateProcedures } from './candidates';
import { syncProcedures } from './sync';
import { shareProcedures } from './shares';
import { authProcedures, userProcedures } from './auth';
import { auditProcedures } from './audit';

/**
 * The one API contract. Each domain declares its procedures in its own module; they are composed here.
 * Both transports (Electron IPC and HTTP) and every caller (renderer, CLI, tests) go through these names.
 */
export const contract = {
  ...systemProcedures,
  ...taskProcedures,
  ...vesselProcedures,
  ...peopleProcedures,
  ...assignmentProcedures,
  ...demoProcedures,
  ...psychometricsProcedures,
  ...documentProcedures,
  ...documentRecordProcedures,
  ...assessmentProcedures,
  ...normsProcedures,
  ...instrumentProcedures,
  ...teamProcedures,
  ...manningProcedures,
  ...fitProcedures,
  ...fitRecordProcedures,
  ...sessionProcedures,
  ...pulseProcedures,
  ...profileProcedures,
  ...requisitionProcedures,
  ...interviewProcedures,
  ...candidateProcedures,
  ...syncProcedures,
  ...shareProcedures,
  ...authProcedures,
  ...userProcedures,
  ...auditProcedures,
};

/** Events pushed from the core to every subscriber, with their payload schemas. */
export const events = {
  'task.progress': taskProgressSchema,
  /** Stored data changed outside the caller's own mutation (menu action, import, sync): refetch these scopes. */
  'data.changed': z.object({ scopes: z.array(z.string()) }),
  /** A menu item or shortcut of the desktop shell asks the UI to do something (open the import dialog…). */
  'ui.command': z.object({ command: z.string(), argument: z.string().optional() }),
};

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller may pass (before defaults and coercion). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
