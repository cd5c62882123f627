import type { APIRequestContext, Page } from '@playwright/test';
import { CERTIFICATE_KINDS } from '../../src/shared/domain/certificates';
import { expect, test } from './fixtures';

/** Issue 10: the compliance matrix at 1440 px, and a reviewer's decisions that must agree with the document. */
async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data;
}

/** The matrix's state words, worst first (as the summary orders them). */
const WORST_FIRST = ['Expired', 'Missing', 'Expires during tour', 'Expires ≤ 30 days', 'Expires ≤ 60 days', 'Expires ≤ 90 days', 'In review'];

async function requiredStates(page: Page): Promise<string[]> {
  const labels = await page.getByRole('table', { name: 'Compliance matrix' }).locator('td [aria-label]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.split(': ')[1]!.split(',')[0]!).filter((state) => WORST_FIRST.includes(state));
}

test('the compliance matrix fits a 1440 px window with every certificate, and its summary names the worst cells first', async ({ page, server, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await api(request, server.url, 'demo.load', {});
  const vessels = await api<Array<{ id: string; headcount: number }>>(request, server.url, 'vessels.list', {});
  // The largest crew, and a captain who must hold every certificate the app knows: the widest matrix there is.
  const vessel = vessels.reduce((a, b) => (b.headcount > a.headcount ? b : a));
  await api(request, server.url, 'documents.setRequirements', { vesselId: vessel.id, title: 'Captain', kinds: [...CERTIFICATE_KINDS] });

  await page.goto(new URL(`#/vessels/${vessel.id}`, server.url).href);
  const matrix = page.getByRole('table', { name: 'Compliance matrix' });
  await expect(matrix).toBeVisible();
  const headers = matrix.locator('thead th');
  await expect(headers).toHaveCount(CERTIFICATE_KINDS.length + 1);
  const last = headers.last();
  await last.scrollIntoViewIfNeeded();
  // Visible without scrolling sideways: the box needs no horizontal scrollbar and the last heading lies inside it.
  const box = page.locator('.matrix-scroll');
  const fits = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, left: element.getBoundingClientRect().left, right: element.getBoundingClientRect().right }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  const heading = (await last.boundingBox())!;
  expect(heading.x + heading.width).toBeLessThanOrEqual(Math.min(fits.right, 1440));
  await expect(last).toHaveText('Yachtmaster');

  // The summary: a line for every state that needs attention, worst first.
  const summary = page.getByRole('region', { name: 'Needs attention' });
  await expect(summary).toBeVisible();
  const listed = await summary.getByRole('listitem').locator('strong').allTextContents();
  expect(listed.length).toBeGreaterThan(0);
  const ranks = listed.map((state) => WORST_FIRST.indexOf(state));
  expect(ranks.every((rank) => rank >= 0)).toBe(true);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  const states = await requiredStates(page);
  expect(listed).toEqual(WORST_FIRST.filter((state) => states.includes(state)));

  // A long crew list scrolls under its header: the heading row stays at the top of the box.
  await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const top = await box.evaluate((element) => element.getBoundingClientRect().top);
  expect(Math.abs((await headers.first().boundingBox())!.y - top)).toBeLessThan(4);
});

test('a file that could not be read is never accepted: Accept is off with the reason in words', async ({ page, server, request }) => {
  const person = await api<{ id: string }>(request, server.url, 'people.create', { givenNames: 'Chloé Anne', surname: 'Dubois', dateOfBirth: '1983-04-22', nationalities: ['FRA'], languages: [] });
  await page.goto(new URL(`#/crew/${person.id}`, server.url).href);
  await page.getByLabel('Choose document files').setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: Buffer.from('Shopping list: rope, shackles, fenders\n') });
  const upload = page.getByRole('listitem', { name: 'Upload of passport.png' });
  await expect(upload.getByText('Needs review')).toBeVisible({ timeout: 30_000 });
  await upload.getByRole('link', { name: 'Open' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Needs review');
  const accept = page.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeDisabled();
  const why = page.getByRole('list', { name: 'Why some actions are not available' });
  await expect(why).toContainText('Accept is not possible: Nothing could be read from this file (unsupported file type');
  await expect(accept).toHaveAccessibleDescription(/Nothing could be read from this file/);
  await expect(why).not.toContainText(/unsupported_type|\(expired|name_mismatch/);
  await expect(page.getByText('Nothing was read from this file, so there are no fields to correct.')).toBeVisible();
  await expect(page.getByText(/OCR confidence/)).toHaveCount(0);
  // The shortcut says why too, and changes nothing.
  await page.keyboard.press('Alt+a');
  await expect(page.getByText(/Nothing could be read from this file/).last()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Needs review');

  await expect(page.getByRole('button', { name: 'Reject…' })).toBeEnabled();
  await page.getByRole('button', { name: 'Reject…' }).click();
  await page.getByLabel('Why is it rejected?').fill('Not a scan of a document');
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rejected');
});
