import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T };
  expect(envelope.ok, method).toBe(true);
  return envelope.data;
}

test('a recruiter ranks candidates for a sample position, opens one’s explanation, records a decision and tries a swap in what-if', async ({ page, server, request }) => {
  await api(request, server.url, 'demo.load', {});

  // From the vessel's positions list.
  await page.goto(new URL('#/vessels', server.url).href);
  await page.getByRole('link', { name: 'Serenity Tide' }).click();
  await page.getByRole('link', { name: 'Candidates for Stew' }).click();
  await expect(page.getByRole('heading', { name: 'Candidates: Stew, Serenity Tide' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Advisory only');
  const rows = page.getByRole('table', { name: 'Candidates ranked by score' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();

  // A preset changes the weights; the threshold keeps only scores above it.
  await page.getByLabel('Weights', { exact: true }).selectOption('guest-facing');
  await expect(page.getByText(/Weights: Guest-facing/)).toBeVisible();
  // The lowest score is typed in percent, as scores are shown.
  await page.getByLabel('Lowest score shown (%)').fill('100');
  await expect(page.getByRole('heading', { name: 'No candidate reaches 100%' })).toBeVisible();
  await page.getByLabel('Lowest score shown (%)').fill('0');
  await expect(rows.nth(1)).toBeVisible();

  // One candidate's explanation: every part, strengths and gaps in words, and the prediction.
  const first = rows.nth(1).getByRole('button');
  const name = (await first.textContent())!;
  await first.click();
  const explanation = page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(explanation.getByRole('table', { name: 'The parts of the score' }).getByRole('row')).toHaveCount(7);
  await expect(explanation.getByText(/^Predicted success: \d+%$/)).toBeVisible();
  await expect(explanation.getByRole('table', { name: 'The parts of the prediction' })).toContainText('Compatibility with the head of department');

  // A decision records its basis.
  await explanation.getByLabel('Why (the person may ask)').fill('Strong interior record');
  await explanation.getByRole('button', { name: 'Record decision' }).click();
  await expect(explanation.getByText(/Shortlisted by .*: Strong interior record/)).toBeVisible();

  // Try them in the crew in place of a stew: the figures change side by side.
  await page.getByRole('button', { name: 'Try in what-if' }).click();
  await expect(page.getByRole('heading', { name: 'What-if: Serenity Tide' })).toBeVisible();
  await expect(page.getByText(`${name} as Stew`)).toBeVisible();
  const stew = page.getByRole('table', { name: 'Crew in post' }).getByRole('row', { name: /Stew$/ }).first();
  await stew.getByLabel('Take out').check();
  const people = page.getByRole('table', { name: /FitScore and predicted success of each person/ });
  await expect(people.getByRole('row', { name: new RegExp(`${name} joins`) })).toBeVisible();
  await expect(people.getByText('leaves')).toBeVisible();
  await expect(page.getByTestId('harmony-delta')).toHaveText(/^[+−±]\d+\.\d$/);

  // Best single swaps: every candidate against every crew member.
  await page.getByRole('button', { name: 'Find best swaps' }).click();
  await expect(page.getByText(/swaps tried \(\d+ crew × \d+ candidates\)/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('table', { name: 'Best single swaps' }).getByRole('button', { name: 'Try' }).first().click();
  await expect(people.getByText('joins')).toBeVisible();

  // Every ranking shown is in the advisory log.
  await page.getByRole('link', { name: '← Recruitment' }).click();
  await page.getByRole('tab', { name: 'Advisory log' }).click();
  await expect(page.getByRole('table', { name: 'Advisory log' }).getByRole('cell', { name: 'ranking shown' }).first()).toBeVisible();
});

test('the recruitment screen without vessels says what to do next', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Recruitment' }).click();
  await expect(page.getByRole('heading', { name: 'No positions yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load the sample fleet' })).toBeVisible();
});
