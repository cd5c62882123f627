import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

/**
 * Issue 12 end to end in Chromium: the kiosk by keyboard with a closed page at item 60, the profile, proctoring,
 * straight-lined and random sessions, a remote invitation file opened from disk and an edited answers file
 * refused, and anonymous pulse figures from five answers.
 */
const requirePackage = createRequire(import.meta.url);
const { getQuestions } = requirePackage('@bigfive-org/questions') as { getQuestions(language: string): Array<{ keyed: string }> };
const keyed = getQuestions('en').map((q) => q.keyed);

/** An attentive-looking answer sheet: agrees with plus-keyed statements and disagrees with the others, with some spread. */
const attentive = keyed.map((k, i) => String(k === 'plus' ? 4 + (i % 2) : 2 - (i % 2)));
let seed = 7;
const random = Array.from({ length: 120 }, () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return String(1 + (seed % 5));
});

const CODE = 'bosun-4711';

type Person = { id: string; givenNames: string; surname: string };

async function crew(request: Parameters<typeof api>[0], url: string): Promise<Person[]> {
  await api(request, url, 'demo.load', {});
  // Answering fast is measured by proctoring (fast streaks); the per-item time rules are switched off so the
  // verdict shows what the answers themselves say.
  const settings = await api<{ thresholds: Record<string, unknown> }>(request, url, 'assessments.settings', {});
  await api(request, url, 'assessments.updateSettings', { ...settings, thresholds: { ...settings.thresholds, responseTime: { thresholdMs: 2000, pageSize: 10, rushedPages: null, rushedOverall: false } } });
  return (await api<{ rows: Person[] }>(request, url, 'people.list', { department: 'deck', limit: 10 })).rows;
}

async function press(page: Page, keys: readonly string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

async function leaveKiosk(page: Page) {
  await page.getByRole('button', { name: /^Operator:/ }).click();
  await page.getByLabel('Exit code').fill(CODE);
  await page.getByRole('button', { name: /Leave the kiosk|Pause and leave/ }).click();
}

/** From the kiosk's first screen to "Thank you", by keyboard. */
async function answerInKiosk(page: Page, keys: readonly string[]) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.keyboard.press('Enter');
  await press(page, keys);
  await expect(page.getByText(`All ${keys.length} answered`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
}

test('the kiosk by keyboard: closed at item 60, reopened, resumed and finished; the profile with radar, verdict, interpretation and a focus loss', async ({ page, server, request, context }) => {
  const [person] = await crew(request, server.url);
  await page.goto(new URL('#/questionnaires', server.url).href);
  await page.getByRole('button', { name: 'Start in the kiosk…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a questionnaire in the kiosk' });
  await dialog.getByLabel('Person').fill(person!.surname);
  await dialog.getByRole('button', { name: `${person!.givenNames} ${person!.surname}` }).click();
  await dialog.getByLabel('Applicant').check();
  await dialog.getByLabel('Exit code', { exact: true }).fill(CODE);
  await dialog.getByLabel('Exit code again').fill(CODE);
  await dialog.getByRole('button', { name: 'Hand over the laptop' }).click();

  // Only the questionnaire is on screen: no sidebar, no other screen.
  await expect(page.getByRole('heading', { name: 'Choose your language' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await page.keyboard.press('Enter');
  await press(page, attentive.slice(0, 59));
  await expect(page.getByLabel('Progress')).toHaveText('Statement 60 of 120 · 59 answered');
  // The window loses focus at item 60: a proctoring event.
  const reported = page.waitForResponse((r) => r.url().includes('sessions.report'));
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await reported;
  await press(page, attentive.slice(59, 60));
  await expect(page.getByRole('status').filter({ hasText: '60 of 120 saved' })).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await again.goto(server.url);
  await expect(again.getByText('Welcome back. You have answered 60 of 120')).toBeVisible();
  await again.keyboard.press('Enter');
  await expect(again.getByLabel('Progress')).toHaveText('Statement 61 of 120 · 60 answered');
  await press(again, attentive.slice(60));
  await expect(again.getByText('All 120 answered')).toBeVisible();
  await again.keyboard.press('Enter');
  await expect(again.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await leaveKiosk(again);

  await expect(again.getByRole('heading', { name: new RegExp(`${person!.givenNames} ${person!.surname}: profile of`) })).toBeVisible();
  await expect(again.getByRole('heading', { name: /^Validity: (Valid|Questionable)$/ })).toBeVisible();
  await expect(again.getByRole('img', { name: /^Radar of the five domains \(percentiles\)/ })).toBeVisible();
  const meaning = again.getByRole('region', { name: 'Conscientiousness' });
  await expect(meaning.locator('.meaning p').first()).toContainText(/Conscientiousness/);
  await expect(again.getByRole('list', { name: 'Proctoring events' })).toContainText('The questionnaire lost focus at item 60');
  // The verdict comes before the radar.
  const verdict = await again.getByRole('heading', { name: /^Validity:/ }).boundingBox();
  const radar = await again.getByRole('img', { name: /^Radar/ }).boundingBox();
  expect(verdict!.y).toBeLessThan(radar!.y);
});

test('a straight-lined and a uniformly random session are questionable or invalid, and the profile names the indices', async ({ page, server, request }) => {
  const people = await crew(request, server.url);
  for (const [person, keys, pattern] of [
    [people[1]!, Array<string>(120).fill('3'), /Gave the same answer to 120 items in a row/],
    [people[2]!, random, /Mahalanobis D²|even-odd|Even-odd/],
  ] as const) {
    await api(request, server.url, 'sessions.start', { personId: person.id, context: 'applicant', exitCode: CODE });
    await page.goto(server.url);
    await answerInKiosk(page, keys);
    await leaveKiosk(page);
    await expect(page.getByRole('heading', { name: /^Validity: (Questionable|Invalid)$/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Reasons' })).toContainText(pattern);
  }
});

test('a remote invitation opens from disk in the browser; an edited answers file is refused, the real one imported', async ({ page, server, request, context }, info) => {
  const [person] = await crew(request, server.url);
  await page.goto(new URL('#/questionnaires', server.url).href);
  await page.getByRole('button', { name: 'Invite by file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite by file' });
  await dialog.getByLabel('Person').fill(person!.surname);
  await dialog.getByRole('button', { name: `${person!.givenNames} ${person!.surname}` }).click();
  await dialog.getByLabel('Applicant').check();
  const saved = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create and save the invitation file' }).click();
  const htmlPath = join(info.outputDir, 'invitation.html');
  await (await saved).saveAs(htmlPath);

  // The candidate's browser, from disk, with no server.
  const candidate = await context.newPage();
  await candidate.goto(pathToFileURL(htmlPath).href);
  await expect(candidate.getByRole('heading', { name: 'IPIP-NEO-120 (Johnson 2014)' })).toBeVisible();
  await candidate.getByRole('button', { name: 'Start' }).click();
  await press(candidate, attentive.slice(0, 30));
  // Progress is kept in the browser: a reload goes on where it stopped.
  await candidate.reload();
  await expect(candidate.getByRole('status')).toHaveText('Statement 31 of 120 · 30 answered');
  await press(candidate, attentive.slice(30));
  const answered = candidate.waitForEvent('download');
  await candidate.getByRole('button', { name: 'Save my answers' }).click();
  const answersPath = join(info.outputDir, 'answers.json');
  await (await answered).saveAs(answersPath);
  const file = JSON.parse(readFileSync(answersPath, 'utf8')) as { payload: string };
  const editedPath = join(info.outputDir, 'answers-edited.json');
  writeFileSync(editedPath, JSON.stringify({ ...file, payload: file.payload.replace('"item":"i1","value":4', '"item":"i1","value":1') }));
  expect(readFileSync(editedPath, 'utf8')).not.toBe(readFileSync(answersPath, 'utf8'));

  const row = page.getByRole('row', { name: new RegExp(`${person!.givenNames} ${person!.surname}`) });
  await row.getByLabel(/^Answers file of/).setInputFiles(editedPath);
  await expect(page.getByText(/The answers file is refused: it was changed after the questionnaire page saved it/)).toBeVisible();
  await row.getByLabel(/^Answers file of/).setInputFiles(answersPath);
  await expect(page.getByText(`Answers of ${person!.givenNames} ${person!.surname} imported`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${person!.givenNames} ${person!.surname}`) }).getByText('Completed')).toBeVisible();
});

test('an anonymous pulse survey shows no figures with 4 answers and shows them with 5', async ({ page, server, request }) => {
  await crew(request, server.url);
  const [vessel] = await api<Array<{ id: string; name: string }>>(request, server.url, 'vessels.list', {});
  await api(request, server.url, 'pulse.schedule', { vesselId: vessel!.id, surveyId: 'team-climate', everyDays: 28, startOn: '2024-01-01', anonymous: true });
  await page.goto(new URL('#/questionnaires/pulse', server.url).href);
  await page.getByLabel('Vessel').selectOption(vessel!.id);
  const card = page.getByRole('region', { name: `Team climate on ${vessel!.name}` });
  for (let round = 1; round <= 5; round += 1) {
    await card.getByRole('button', { name: 'Take in the kiosk…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team climate in the kiosk' });
    await dialog.getByLabel('Department').selectOption('deck');
    await dialog.getByLabel('Exit code', { exact: true }).fill(CODE);
    await dialog.getByLabel('Exit code again').fill(CODE);
    await dialog.getByRole('button', { name: 'Hand over the laptop' }).click();
    await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
    await page.keyboard.press('Enter');
    await press(page, ['4', '4', '3', '5', '4', '4', '2']);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    await leaveKiosk(page);
    await expect(page.getByRole('heading', { name: 'Questionnaires', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Pulse surveys' }).click();
    await page.getByLabel('Vessel').selectOption(vessel!.id);
    const results = card.getByRole('table', { name: /Results by round/ });
    if (round === 4) {
      await expect(results.getByRole('row').nth(1)).toContainText('Withheld: 4 answers');
      await expect(results.getByRole('row').nth(1)).not.toContainText(/\d\.\d\d/);
    }
    if (round === 5) await expect(results.getByRole('row').nth(1)).toContainText(/^.*5\s*\d\.\d\d/);
  }
});
