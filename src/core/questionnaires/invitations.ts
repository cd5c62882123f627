import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ParsedInput, SessionSummary } from '../../shared/api';
import { describeIssues, issuesFromZod } from '../../shared/api';
import { formatDate } from '../../shared/domain/dates';
import { ANSWERS_FORMAT, answersFileSchema, answersPayloadSchema, type AnswersPayload } from '../../shared/questionnaires';
import { assessReported } from '../../engine/questionnaires';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { proctoringEvents, questionnaireSessions, sessionAnswers } from '../db/schema';
import { longWrite, write } from '../db/writes';
import { completeSession } from './finish';
import { invitationPage, type PageData } from './invitation-script';
import { assertLanguage, questionnaireOf } from './questionnaire';
import { sessionRow, summarise, type SessionRow } from './session-store';
import { assertNoResultToday, insertSession, livePerson } from './sessions';

/**
 * Remote invitations (docs/questionnaires.md#remote-invitations): one HTML file that works offline and holds
 * only this invitation's items and language, and the answers file it produces, signed with the invitation's own
 * key. The import refuses the file whole when it was altered, answers another invitation or version, holds a
 * value out of range, or was imported before.
 */
export function createInvitation(ctx: ServiceContext, input: ParsedInput<'invitations.create'>): SessionSummary {
  const person = livePerson(ctx, input.personId);
  const id = write(ctx.sqlite(), () =>
    insertSession(ctx, {
      kind: 'assessment',
      mode: 'remote',
      personId: person.id,
      instrumentId: input.instrumentId,
      language: input.language,
      context: input.context,
      dueOn: input.dueOn ?? null,
      invitationKey: newInvitationKey(),
    }),
  );
  return summarise(ctx, sessionRow(ctx, id));
}

export const newInvitationKey = () => randomBytes(32).toString('base64');

/** JSON inside a script element: "<" never appears, so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `body{font:17px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b2631}
h1{font-size:1.4rem}.muted{color:#5d6d7e}.statement{font-size:1.3rem;margin:1.5rem 0}progress{width:100%}
.options{display:grid;gap:.5rem}button{font:inherit;padding:.6rem 1rem;border:1px solid #1f6f8b;border-radius:6px;background:#fff;color:#1f6f8b;cursor:pointer;text-align:left}
button[aria-pressed=true]{background:#1f6f8b;color:#fff}button.link{border:none;padding:.4rem 0;margin-top:1rem}`;

/**
 * The page: the invitation's data as JSON, and the script as the text of `invitationPage`. Some TypeScript
 * runners (tsx) name inner functions through a `__name` helper; the page defines it as a no-op so the script
 * runs whichever way the core was started.
 */
export function invitationHtml(data: PageData): string {
  return `<!doctype html>
<html lang="${data.language.replace(/[^a-zA-Z-]/g, '')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>Questionnaire</title>
<style>${STYLE}</style>
</head>
<body>
<main id="app"><p>This questionnaire needs JavaScript: open it in a current web browser.</p></main>
<script type="application/json" id="invitation">${scriptJson(data)}</script>
<script>var __name = function (f) { return f; };
(${String(invitationPage)})(JSON.parse(document.getElementById('invitation').textContent));</script>
</body>
</html>
`;
}

function remoteSession(ctx: ServiceContext, id: string): SessionRow {
  const row = sessionRow(ctx, id);
  if (row.mode !== 'remote' || row.invitationKey === null) throw new AppError('CONFLICT', 'This questionnaire is answered in the kiosk, not through an invitation.');
  return row;
}

export function exportInvitation(ctx: ServiceContext, id: string): { fileName: string; html: string } {
  const row = remoteSession(ctx, id);
  if (row.status === 'finished') throw new AppError('CONFLICT', 'The answers to this invitation are in already.');
  const q = questionnaireOf(ctx, row.kind, row.instrumentId, row.instrumentVersion);
  assertLanguage(q, row.language);
  const text = q.text(row.language);
  const person = row.personId ? livePerson(ctx, row.personId) : null;
  const data: PageData = {
    invitationId: row.id,
    key: row.invitationKey!,
    format: ANSWERS_FORMAT,
    instrumentId: q.id,
    instrumentVersion: row.instrumentVersion,
    language: row.language,
    title: q.title,
    greeting: person?.name ?? null,
    instructions: text.instructions,
    labels: text.labels,
    range: q.range,
    items: text.items,
  };
  const who = person ? person.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') : 'crew';
  return { fileName: `questionnaire-${who}-${row.id.slice(-8)}.html`, html: invitationHtml(data) };
}

const refuse = (message: string, path = 'file') => new AppError('VALIDATION', `The answers file is refused: ${message}`, { issues: [{ path, message }] });

/** The file checked against its invitation: signature first, then every answer. Nothing is stored here. */
function verifiedAnswers(ctx: ServiceContext, content: Buffer, expected: string | undefined): { row: SessionRow; payload: AnswersPayload } {
  let outer: unknown;
  try {
    outer = JSON.parse(content.toString('utf8'));
  } catch {
    throw refuse('it is not the JSON file the questionnaire page saves.');
  }
  const file = answersFileSchema.safeParse(outer);
  if (!file.success) throw refuse(describeIssues(issuesFromZod(file.error)));
  let claimed: { invitationId?: unknown };
  try {
    claimed = JSON.parse(file.data.payload) as { invitationId?: unknown };
  } catch {
    throw refuse('its answers cannot be read; the file was altered.');
  }
  const invitationId = typeof claimed.invitationId === 'string' ? claimed.invitationId : '';
  if (expected !== undefined && invitationId !== expected) throw refuse('it answers another invitation than this one.', 'invitationId');
  const row = ctx.db().select().from(questionnaireSessions).where(eq(questionnaireSessions.id, invitationId)).get();
  if (!row || row.invitationKey === null) throw refuse('it answers an invitation this app did not send.', 'invitationId');
  const mac = createHmac('sha256', Buffer.from(row.invitationKey, 'base64')).update(file.data.payload, 'utf8').digest();
  if (!timingSafeEqual(mac, Buffer.from(file.data.hmac, 'hex'))) throw refuse('it was changed after the questionnaire page saved it, so its answers cannot be trusted.', 'hmac');
  if (row.importedAt !== null) throw refuse(`the answers to this invitation were imported on ${formatDate(row.importedAt)} already.`);
  const parsed = answersPayloadSchema.safeParse(JSON.parse(file.data.payload));
  if (!parsed.success) throw refuse(describeIssues(issuesFromZod(parsed.error)));
  const payload = parsed.data;
  if (payload.instrumentId !== row.instrumentId || payload.instrumentVersion !== row.instrumentVersion) {
    throw refuse(`it answers ${payload.instrumentId} version ${payload.instrumentVersion}, and the invitation was for version ${row.instrumentVersion} of ${row.instrumentId}.`, 'instrumentVersion');
  }
  if (payload.language !== row.language) throw refuse(`it was answered in "${payload.language}", and the invitation was sent in "${row.language}".`, 'language');
  const q = questionnaireOf(ctx, row.kind, row.instrumentId, row.instrumentVersion);
  const items = new Set(row.items);
  const seen = new Set<string>();
  for (const [i, a] of payload.answers.entries()) {
    if (!items.has(a.item)) throw refuse(`"${a.item}" is not an item of ${q.title}.`, `answers.${i}.item`);
    if (seen.has(a.item)) throw refuse(`item ${a.item} is answered twice.`, `answers.${i}.item`);
    seen.add(a.item);
    if (!Number.isInteger(a.value) || a.value < q.range.min || a.value > q.range.max) throw refuse(`the answer to ${a.item} is ${a.value}, outside ${q.range.min}–${q.range.max}.`, `answers.${i}.value`);
  }
  return { row, payload };
}

export async function importAnswers(ctx: ServiceContext, input: ParsedInput<'invitations.import'>, task: TaskHandle) {
  const content = Buffer.from(input.contentBase64, 'base64');
  const { row: checked } = verifiedAnswers(ctx, content, input.sessionId);
  const person = checked.personId ? livePerson(ctx, checked.personId) : null;
  if (person && checked.kind === 'assessment') assertNoResultToday(ctx, person.id, checked.instrumentId, person.name);
  const resultId = await longWrite(ctx.sqlite(), 'An import of invitation answers', async () => {
    // Checked again inside the transaction: a second import cannot slip in between.
    const { row, payload } = verifiedAnswers(ctx, content, input.sessionId);
    if (!row.anonymous) {
      for (const a of payload.answers) ctx.db().insert(sessionAnswers).values({ sessionId: row.id, item: a.item, value: a.value, ms: a.ms, answeredAt: a.at }).run();
    }
    for (const event of payload.events) {
      const { severity, detail } = assessReported(event);
      ctx.db().insert(proctoringEvents).values({ sessionId: row.id, kind: event.kind, severity, at: event.at, item: event.item, detail }).run();
    }
    ctx.db().update(questionnaireSessions).set({ importedAt: nowIso(), startedAt: payload.startedAt }).where(eq(questionnaireSessions.id, row.id)).run();
    return completeSession(ctx, { ...row, startedAt: payload.startedAt }, payload.answers, task);
  });
  return { sessionId: checked.id, resultId, personName: person?.name ?? null };
}
