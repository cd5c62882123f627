import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T };
  expect(envelope.ok, method).toBe(true);
  return envelope.data;
}

const membersCount = async (page: Page) => Number((await page.getByRole('heading', { name: /^Members \(\d+\)$/ }).textContent())!.match(/\d+/)![0]);

test('a captain opens a sample vessel’s team dynamics and switches whole crew, aboard today and a department', async ({ page, server, request }) => {
  await api(request, server.url, 'demo.load', {});

  // From the vessel's own screen.
  await page.goto(new URL('#/vessels', server.url).href);
  await page.getByRole('link', { name: 'Serenity Tide' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Team dynamics' }).click();
  await expect(page.getByRole('heading', { name: 'Serenity Tide: team dynamics' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Advisory only');

  // Whole crew: figures, an explained harmony index and a diagnosis.
  const crew = await membersCount(page);
  expect(crew).toBeGreaterThan(15);
  await expect(page.getByLabel('Compare with').locator('option:checked')).toHaveText(/^All crew in post, n = \d+/);
  const insights = page.getByRole('list', { name: 'Insights' }).getByRole('listitem');
  await expect(insights.first()).toBeVisible();
  await insights.first().getByText('Why this shows').click();
  await expect(insights.first().getByText(/^Confidence (low|moderate|reasonable): rests on \d+ members?/)).toBeVisible();
  const harmony = page.getByRole('region', { name: 'Harmony index' });
  await expect(harmony.getByText('of 100')).toBeVisible();
  await expect(harmony.getByRole('cell', { name: /Peeters, Van Tuijl, Rutte & Reymen 2006.*ρ = \.24/ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: /^Domains \(SD from the norm\)/ }).getByRole('row', { name: /Agreeableness/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Members × traits/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cohesion' })).toContainText('pulse surveys');
  await expect(page.getByRole('region', { name: 'Team volatility' }).getByRole('cell', { name: 'Not available' })).toBeVisible();

  // Aboard today: on a rotational yacht fewer people live together than the crew list holds.
  await page.getByLabel('Aboard on the date').check();
  await expect.poll(() => membersCount(page)).toBeLessThan(crew);
  await expect(page.getByText(/· Aboard on the date, \d+ \w+ \d{4} ·/)).toBeVisible();

  // One department: engineering, whose 2:2 watches never meet.
  await page.getByLabel('One department').check();
  await page.getByLabel('Department', { exact: true }).selectOption('engineering');
  await expect(page.getByText(/· Engineering, \d+ \w+ \d{4} ·/)).toBeVisible();
  await expect.poll(() => membersCount(page)).toBeLessThan(6);
  await expect(page.getByRole('table', { name: /^Rotation pair 1/ })).toBeVisible();

  // Back to the fleet overview.
  await page.getByRole('link', { name: '← Team dynamics' }).click();
  const row = page.getByRole('row', { name: /Serenity Tide/ });
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+ · /);
});

test('the sidebar entry without vessels says what to do next', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Team dynamics' }).click();
  await expect(page.getByRole('heading', { name: 'No vessels yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load the sample fleet' })).toBeVisible();
});
