import type { Locator } from '@playwright/test';
import { api, expect, test } from './fixtures';

/**
 * The tables of documents, assessments and recruitment sort by their columns, by mouse and by keyboard (a
 * heading is a button: Tab to it, Enter or Space); lists that page ask the core for the order.
 */

/** The text of one column, top to bottom. */
const column = (table: Locator, index: number) => table.locator(`tbody tr td:nth-child(${index})`).allInnerTexts();
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const sorted = (texts: string[], descending = false) => [...texts].sort((a, b) => (descending ? -1 : 1) * collator.compare(a, b));

test('the review queue sorts in the core by keyboard, the certificate register and the results list by mouse', async ({ page, server }) => {
  test.setTimeout(120_000);
  await api(page.request, server.url, 'demo.load', {});

  await page.goto(new URL('#/documents', server.url).href);
  await page.getByLabel('Status').selectOption('all');
  const queue = page.getByRole('table', { name: /^Documents/ });
  await expect(queue.getByRole('columnheader', { name: 'Added' })).toHaveAttribute('aria-sort', 'descending');
  const type = queue.getByRole('button', { name: 'Type', exact: true });
  await type.focus();
  await page.keyboard.press('Enter');
  await expect(queue.getByRole('columnheader', { name: 'Type' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(queue.getByRole('columnheader', { name: 'Added' })).toHaveAttribute('aria-sort', 'none');
  await expect.poll(async () => {
    const types = await column(queue, 3);
    return types.length > 1 && types.join('|') === sorted(types).join('|') && new Set(types).size > 1;
  }).toBe(true);
  await page.keyboard.press('Space');
  await expect(queue.getByRole('columnheader', { name: 'Type' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => {
    const types = await column(queue, 3);
    return types.join('|') === sorted(types, true).join('|');
  }).toBe(true);

  // A person's certificate register sorts on the page: the fewest days left first, blanks last either way.
  const vessels = await api<Array<{ id: string; name: string }>>(page.request, server.url, 'vessels.list', {});
  const detail = await api<{ currentCrew: Array<{ personId: string }> }>(page.request, server.url, 'vessels.get', { id: vessels.find((v) => v.name === 'Serenity Tide')!.id });
  await page.goto(new URL(`#/crew/${detail.currentCrew[0]!.personId}`, server.url).href);
  const register = page.getByRole('table', { name: 'Certificate register' });
  await register.getByRole('button', { name: 'Days left' }).click();
  await expect(register.getByRole('columnheader', { name: 'Days left' })).toHaveAttribute('aria-sort', 'ascending');
  const days = (await column(register, 5)).filter((d) => d !== '—').map(Number);
  expect(days.length).toBeGreaterThan(1);
  expect(days).toEqual([...days].sort((a, b) => a - b));
  await register.getByRole('button', { name: 'Certificate' }).click();
  const names = await column(register, 1);
  expect(names).toEqual(sorted(names));

  // The results list pages from the core: sorted by person, the first page starts with the first name in order.
  await page.goto(new URL('#/assessments', server.url).href);
  const results = page.getByRole('table', { name: 'Questionnaire results' });
  await results.getByRole('button', { name: 'Context' }).click();
  await expect(results.getByRole('columnheader', { name: 'Context' })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => {
    const contexts = await column(results, 4);
    return contexts.join('|') === sorted(contexts).join('|');
  }).toBe(true);
  await results.getByRole('button', { name: 'Context' }).click();
  await expect(results.getByRole('columnheader', { name: 'Context' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => {
    const contexts = await column(results, 4);
    return contexts.join('|') === sorted(contexts, true).join('|');
  }).toBe(true);
});

test('recruitment: positions by vacancies and a ranking by predicted success, by keyboard', async ({ page, server }) => {
  test.setTimeout(120_000);
  await api(page.request, server.url, 'demo.load', {});
  await page.goto(new URL('#/recruitment', server.url).href);
  const positions = page.getByRole('table', { name: 'Positions across the fleet' });
  await positions.getByRole('button', { name: 'Vacant' }).click();
  await positions.getByRole('button', { name: 'Vacant' }).click();
  await expect(positions.getByRole('columnheader', { name: 'Vacant' })).toHaveAttribute('aria-sort', 'descending');
  const vacant = (await column(positions, 5)).map((v) => (v === '—' ? 0 : Number(v)));
  expect(vacant[0]).toBeGreaterThan(0);
  expect(vacant).toEqual([...vacant].sort((a, b) => b - a));

  await positions.getByRole('link', { name: /^Candidates for / }).first().click();
  const ranking = page.getByRole('table', { name: 'Candidates ranked by score' });
  await expect(ranking).toBeVisible({ timeout: 30_000 });
  const success = ranking.getByRole('button', { name: 'Predicted success' });
  await success.focus();
  await page.keyboard.press('Enter');
  await expect(ranking.getByRole('columnheader', { name: 'Predicted success' })).toHaveAttribute('aria-sort', 'ascending');
  const percents = (await column(ranking, 6)).map((p) => Number.parseFloat(p));
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  await ranking.getByRole('button', { name: '#' }).press('Enter');
  const places = (await column(ranking, 1)).map(Number);
  expect(places).toEqual([...places].sort((a, b) => a - b));
});
