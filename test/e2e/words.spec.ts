import type { Page } from '@playwright/test';
import { FORBIDDEN } from '../helpers/doc-links';
import { api, expect, test } from './fixtures';

/**
 * Every text a person reads is in their words (issue 10, finding 17): a walk through every screen of the sample
 * fleet collects what is on screen — text, tooltips, labels read aloud, placeholders, the options of every list —
 * and fails on anything that looks like an identifier: a camelCase or snake_case word, an id, an API method, an
 * error code, a private note or a standard's code name. File formats shown as code (a CSV's column names, which a
 * person types) and what was read from a scan are not words of the app, and are left out.
 */

const INTERNAL: Array<[string, RegExp]> = [
  ['a camelCase identifier', /\b[a-z]+[A-Z][a-z]\w*/],
  ['a snake_case identifier', /\b[a-z0-9]+_[a-z0-9_]+\b/],
  ['an id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['an API method', /\b(?:system|backups|tasks|vessels|positions|assignments|people|demo|documents|psychometrics|assessments|norms|instruments|team|fit|seaService|visas|outcomes|models|auth|users)\.[a-z][A-Za-z]+\b/],
  ['an error code', /\b(?:VALIDATION|NOT_FOUND|CONFLICT|UNKNOWN_METHOD|CANCELLED|UNSUPPORTED|DB_LOCKED|DB_CORRUPT|DB_UNAVAILABLE|FORBIDDEN|DISK_FULL|BUSY|INTERNAL)\b/],
  ['a file name or the README', /\bSPEC\b|\.md\b|README/],
  ...FORBIDDEN.map(([pattern, what]): [string, RegExp] => [`text that ${what}`, pattern]),
  ['a standard’s code name', /ISO 3166|alpha-3|\bISO codes?\b/],
];

/** What a person can read on the page now: visible text, tooltips, accessible names, placeholders and options. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (element: Element | null) => element?.closest('code, pre, .ocr-text, .mrz, script, style') != null;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent) || !node.textContent?.trim()) continue;
      if (parent.closest('option') || parent.checkVisibility()) texts.push(node.textContent.trim());
    }
    for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (skip(element)) continue;
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value?.trim()) texts.push(value.trim());
      }
    }
    return texts;
  });
}

/** Problems on the page now, each with the text it was found in; e-mail addresses (the crew's own) aside. */
async function internalWords(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const raw of await readableText(page)) {
    const text = raw.replace(/\S+@\S+\.\w+/g, '');
    for (const [what, pattern] of INTERNAL) if (pattern.test(text)) problems.push(`${where}: ${what} in “${raw}”`);
  }
  return problems;
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByText(/^(Loading|Scoring|Working out|Checking)\b.*…$/)).toHaveCount(0, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

test('no screen of the sample fleet shows an identifier, an id or a private note', async ({ page, server }) => {
  test.setTimeout(300_000);
  await api(page.request, server.url, 'demo.load', {});
  const vessels = await api<Array<{ id: string; name: string }>>(page.request, server.url, 'vessels.list', {});
  const vessel = vessels.find((v) => v.name === 'Serenity Tide')!;
  const detail = await api<{ currentCrew: Array<{ personId: string }>; positions: Array<{ id: string; vacancies: number }> }>(page.request, server.url, 'vessels.get', { id: vessel.id });
  const personId = detail.currentCrew[0]!.personId;
  const documents = await api<{ rows: Array<{ id: string }> }>(page.request, server.url, 'documents.list', { status: 'all', personId, limit: 1 });
  const results = await api<{ rows: Array<{ id: string }> }>(page.request, server.url, 'assessments.list', { limit: 1 });
  const open = detail.positions.find((p) => p.vacancies > 0) ?? detail.positions[0]!;

  const problems: string[] = [];
  const visit = async (hash: string, ready?: () => Promise<void>) => {
    await page.goto(new URL(`#${hash}`, server.url).href);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await ready?.();
    await settle(page);
    problems.push(...(await internalWords(page, hash)));
  };
  const look = async (where: string, act: () => Promise<void>) => {
    await act();
    await settle(page);
    problems.push(...(await internalWords(page, where)));
  };
  /** A dialog as it opens, and again after sending it empty (what the form and the core say is missing). */
  const dialog = async (opener: string | RegExp, title: string | RegExp, submit?: string) => {
    await page.getByRole('main').getByRole('button', { name: opener }).first().click({ timeout: 10_000 });
    const box = page.getByRole('dialog', { name: title });
    await expect(box).toBeVisible();
    await look(`the dialog ${title}`, async () => undefined);
    if (submit) await look(`the dialog ${title} sent empty`, () => box.getByRole('button', { name: submit, exact: true }).click());
    await page.keyboard.press('Escape');
    await expect(box).toBeHidden();
  };

  await visit('/vessels');
  await dialog('Add vessel', 'Add a vessel', 'Add vessel');
  await visit(`/vessels/${vessel.id}`, () => expect(page.getByRole('table', { name: 'Compliance matrix' })).toBeVisible());
  await dialog('Add position', 'Add a position', 'Add position');
  await dialog('Requirements…', 'Certificate requirements');
  await dialog('Stagger rotations…', 'Stagger rotations');
  await visit('/crew', () => expect(page.getByText('60 people', { exact: true })).toBeVisible());
  await dialog('Add person', 'Add a person', 'Add person');
  await dialog('Import CSV', 'Import people from CSV');
  await visit(`/crew/${personId}`, () => expect(page.getByRole('table', { name: 'Certificate register' })).toBeVisible());
  await dialog('Assign to a position', /^Assign /, 'Assign');
  await dialog('Add sea service', 'Add sea service', 'Add');
  await dialog('Add visa', 'Add a visa');
  await look('the expiry bell', () => page.getByRole('button', { name: /^Certificate expiries/ }).click());
  await page.keyboard.press('Escape');
  await visit('/documents', async () => void (await page.getByLabel('Status').selectOption('all')));
  await visit(`/documents/${documents.rows[0]!.id}`, () => expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible());
  await visit('/assessments', () => expect(page.getByRole('table', { name: 'Questionnaire results' })).toBeVisible());
  await dialog('Import results…', 'Import questionnaire results');
  await visit(`/assessments/${results.rows[0]!.id}`, () => expect(page.getByRole('heading', { name: /^Validity/ })).toBeVisible());
  await visit('/assessments/groups');
  await visit('/assessments/norms');
  await visit('/assessments/instruments');
  await visit('/assessments/rules');
  await visit('/team');
  await visit(`/team/${vessel.id}`, () => expect(page.getByRole('region', { name: 'Harmony index' })).toBeVisible());
  await visit(`/recruitment/position/${open.id}`, () => expect(page.getByRole('table', { name: 'Candidates ranked by score' })).toBeVisible());
  await look('a candidate explained', () => page.getByRole('table', { name: 'Candidates ranked by score' }).getByRole('button').first().click());
  // After a ranking was shown, so that the advisory log has entries.
  await visit('/recruitment');
  for (const tab of ['Outcomes', 'Prediction models', 'Trait profiles', 'Fleet profiles', 'Advisory log']) {
    await look(`/recruitment (${tab})`, () => page.getByRole('tab', { name: tab }).click());
    if (tab === 'Outcomes' && (await page.getByRole('button', { name: 'Record outcome' }).count()) > 0) await dialog('Record outcome', /^How did /);
    if (tab === 'Trait profiles') await dialog('Edit', /^Target ranges: /);
  }
  await visit(`/recruitment/person/${personId}`);
  await visit(`/recruitment/whatif/${vessel.id}`, () => expect(page.getByRole('table', { name: 'Crew in post' })).toBeVisible());
  await visit('/settings', () => expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible());
  await visit('/users', () => expect(page.getByRole('table', { name: 'Users' })).toBeVisible());

  // Questionnaires taken in the app: invitations of a campaign, a pulse schedule, the dialogs, the readable profile.
  await api(page.request, server.url, 'campaigns.create', { name: 'Spring check', target: { kind: 'crew', vesselId: vessel.id }, what: { kind: 'assessment', instrumentId: 'ipip-neo-120', context: 'incumbent' }, mode: 'remote', dueOn: '2099-01-01' });
  await api(page.request, server.url, 'pulse.schedule', { vesselId: vessel.id, surveyId: 'team-climate', everyDays: 28, startOn: '2024-01-01', anonymous: true });
  await visit('/questionnaires', () => expect(page.getByRole('table', { name: 'Questionnaires' })).toBeVisible());
  await dialog('Start in the kiosk…', 'Start a questionnaire in the kiosk');
  await dialog('Invite by file…', 'Invite by file');
  await visit('/questionnaires/campaigns', () => expect(page.getByRole('region', { name: 'Spring check' })).toBeVisible());
  await look('a campaign’s people', () => page.getByRole('button', { name: 'Show people' }).first().click());
  await visit('/questionnaires/pulse');
  await look('a vessel’s pulse surveys', async () => void (await page.getByLabel('Vessel').selectOption(vessel.id)));
  await dialog('Take in the kiosk…', 'Team climate in the kiosk');
  await visit(`/assessments/${results.rows[0]!.id}/profile`, () => expect(page.getByRole('heading', { name: /^Validity/ })).toBeVisible());

  // A record that is gone is named by its kind, never by its id.
  await look('a person who is not there', async () => {
    await page.goto(new URL('#/crew/0190a7c2-0000-7000-8000-000000000000', server.url).href);
    await expect(page.getByText('This person no longer exists.')).toBeVisible();
  });

  expect(problems).toEqual([]);
});
