import { eq } from 'drizzle-orm';
import { formatDate } from '../../shared/domain/dates';
import { languageName } from '../../shared/domain/languages';
import type { ServiceContext } from '../context';
import { questionnaireSessions } from '../db/schema';

/** How a questionnaire taken in the app was taken, in a captain's words, for the result and the profile. */
export function takenWords(
  ctx: ServiceContext,
  result: { sessionId: string | null; language: string | null; pauses: number | null; startedAt: string | null; takenOn: string },
): string | null {
  if (!result.sessionId) return null;
  const session = ctx.db().select({ mode: questionnaireSessions.mode }).from(questionnaireSessions).where(eq(questionnaireSessions.id, result.sessionId)).get();
  const where = session?.mode === 'remote' ? 'through a remote invitation' : 'in the kiosk';
  const started = result.startedAt?.slice(0, 10) ?? result.takenOn;
  const span = started === result.takenOn ? `on ${formatDate(result.takenOn)}` : `from ${formatDate(started)} to ${formatDate(result.takenOn)}`;
  const pauses = result.pauses ?? 0;
  const paused = pauses === 0 ? '' : `, paused ${pauses === 1 ? 'once' : pauses === 2 ? 'twice' : `${pauses} times`} and resumed`;
  return `Answered ${where} in ${languageName(result.language ?? 'en')} ${span}${paused}.`;
}
