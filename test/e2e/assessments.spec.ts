import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

/** The API of the preview server, for setting the scene (the sample fleet) without clicking through it. */
async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T };
  expect(envelope.ok, method).toBe(true);
  return envelope.data;
}

/** Seeded answers 1–5 for 120 items (no real people); `straight` answers 3 throughout. */
function answers(seed: number, straight: boolean): string[] {
  let state = seed;
  return Array.from({ length: 120 }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return straight ? '3' : String(1 + (state % 5));
  });
}

test('import results with a bad row, read the report, open a result, see T-scores and reasons, switch norms', async ({ page, server, request }) => {
  await api(request, server.url, 'demo.load', {});
  const deck = await api<{ rows: Array<{ givenNames: string; surname: string; email: string }> }>(request, server.url, 'people.list', { department: 'deck', status: 'onboard', limit: 10 });
  const [straightLiner, ...others] = deck.rows;
  const header = ['email', 'taken_on', ...Array.from({ length: 120 }, (_, i) => `i${i + 1}`)].join(',');
  const rows = [straightLiner!, ...others].map((p, i) => [p.email, '2019-07-01', ...answers(i + 1, i === 0)].join(','));
  const bad = ['nobody@example.org', '2019-07-01', ...answers(99, false)].join(',');
  const csv = [header, ...rows, bad].join('\n');

  await page.goto(new URL('#/assessments', server.url).href);
  await expect(page.getByRole('heading', { name: 'Assessments' })).toBeVisible();
  await page.getByRole('button', { name: 'Import results…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import questionnaire results' });
  await dialog.getByLabel('Applicant').check();
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'applicants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByText(`${rows.length} of ${rows.length + 1} rows`)).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'No person with the e-mail nobody@example.org in the database' })).toBeVisible();
  await dialog.getByRole('button', { name: `Import ${rows.length} results` }).click();
  await expect(dialog.getByText(`Imported ${rows.length} results`)).toBeVisible();
  await dialog.getByText('Close', { exact: true }).click();

  // The straight-liner's result: invalid, with the reason in plain words — before any chart.
  await page.getByLabel('Search by name').fill(straightLiner!.surname);
  await page.getByLabel('Context').selectOption('applicant');
  await expect(page.getByRole('row', { name: new RegExp(`${straightLiner!.surname}.*IPIP-NEO-120`) }).first()).toBeVisible();
  // The sample fleet may hold an applicant result of theirs too: open the one imported here (2019).
  await page.getByRole('row', { name: /2019/ }).getByRole('link', { name: `${straightLiner!.givenNames} ${straightLiner!.surname}` }).click();
  await expect(page.getByRole('heading', { name: /Validity: Invalid/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Reasons' })).toContainText('Gave the same answer to 120 items in a row');
  const warning = page.getByRole('alert').filter({ hasText: 'These answers were judged invalid: Gave the same answer to 120 items in a row' });
  await expect(warning).toContainText('The percentiles are greyed');

  // T-scores against all stored applicants (a local group above the minimum of 30), percentiles greyed.
  const norm = page.getByLabel('Compare with');
  await expect(norm.locator('option:checked')).toHaveText(/^All applicants, n = \d+/);
  const chart = page.getByRole('img', { name: /T-scores against All applicants \(invalid answers\)/ });
  await expect(chart).toBeVisible();
  expect(await warning.evaluate((alert, img) => Boolean(alert.compareDocumentPosition(img!) & Node.DOCUMENT_POSITION_FOLLOWING), await chart.elementHandle())).toBe(true);
  const domains = page.getByRole('table', { name: /Domains/ });
  await expect(domains).toContainText('invalid answers, percentiles greyed');
  const percentile = domains.getByRole('row', { name: /Conscientiousness/ }).getByRole('cell').nth(3);
  await expect(percentile).toHaveText(/^\d+$/);
  await expect(percentile).toHaveClass(/greyed/);

  // A department group of the sample fleet is far below 30 people: the screen says so instead of percentiles.
  const department = await norm.locator('option', { hasText: '(department)' }).first().getAttribute('value');
  await norm.selectOption(department!);
  await expect(page.getByText(/at least 30 are needed before percentiles are shown/)).toBeVisible();
  await expect(domains.getByRole('row', { name: /Conscientiousness/ }).getByRole('cell').nth(2)).toHaveText('—');

  // Crew in post's norms for an applicant: refused until asked for, then labelled as mixed.
  const incumbents = await norm.locator('option', { hasText: 'All crew in post' }).getAttribute('value');
  await norm.selectOption(incumbents!);
  await expect(page.getByText(/the percentiles would mislead/)).toBeVisible();
  await page.getByLabel(/anyway \(the figures will be marked as mixed\)/).check();
  await expect(page.getByText('Mixed comparison:')).toBeVisible();

  // The person's profile lists the result.
  await page.getByRole('link', { name: `${straightLiner!.givenNames} ${straightLiner!.surname}` }).click();
  await expect(page.getByRole('heading', { name: 'Assessments' })).toBeVisible();
  await expect(page.getByRole('link', { name: /2019/ })).toBeVisible();
});

test('norm tables: the form names what is missing, a bad file is refused, archive has undo; validity rules validate', async ({ page, server }) => {
  await page.goto(new URL('#/assessments/norms', server.url).href);
  await expect(page.getByText('No norm tables yet.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Import a norm table' });
  await form.getByRole('button', { name: 'Import norm table' }).click();
  await expect(form.getByText('Name the norm group, e.g. "Johnson 2014 US internet sample"')).toBeVisible();
  await expect(form.getByText('Choose who the norm group is: volunteers, applicants or crew in post')).toBeVisible();

  await form.getByLabel('Name of the norm group').fill('Synthetic volunteers');
  await form.getByLabel('Who the figures describe').selectOption('volunteer');
  await form.getByLabel('Source').fill('Made-up figures for this test');
  await form.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('scale,mean,sd\nC,3.6,0\n') });
  await form.getByRole('button', { name: 'Import norm table' }).click();
  await expect(form.getByText(/sd: must be greater than 0/)).toBeVisible();
  await form.getByLabel('CSV file').setInputFiles({ name: 'volunteers.csv', mimeType: 'text/csv', buffer: Buffer.from('scale,mean,sd,n\nN,2.9,0.7,500\nC,3.6,0.6,500\n') });
  await form.getByRole('button', { name: 'Import norm table' }).click();
  const row = page.getByRole('row', { name: /Synthetic volunteers/ });
  await expect(row).toContainText('volunteers');
  await row.getByRole('button', { name: 'Archive' }).click();
  await expect(row).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Synthetic volunteers/ })).toBeVisible();

  await page.getByRole('link', { name: 'Validity rules' }).click();
  const rules = page.getByRole('form', { name: 'Validity rules' });
  await rules.getByLabel('Minimum group size').fill('1');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByText('A group needs at least 2 people for a standard deviation')).toBeVisible();
  await rules.getByLabel('Minimum group size').fill('20');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Validity rules saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Validity rules' }).getByLabel('Minimum group size')).toHaveValue('20');
});

test('changed validity rules: stored verdicts stay, the current rules\' verdict is shown beside them and can be filtered', async ({ page, server, request }) => {
  await api(request, server.url, 'demo.load', {});
  await page.goto(new URL('#/assessments/rules', server.url).href);
  const rules = page.getByRole('form', { name: 'Validity rules' });
  for (const level of ['questionable', 'invalid']) {
    await rules.getByLabel(`Mahalanobis D² confidence: ${level}`).fill('');
    await rules.getByLabel(`Psychometric synonyms: ${level}`).fill('');
    await rules.getByLabel(`Psychometric antonyms: ${level}`).fill('');
  }
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Validity rules saved')).toBeVisible();

  // The sample fleet's results were scored in groups too small to compare answer patterns: questionable when
  // stored, valid under rules that no longer ask for those indices.
  await page.getByRole('link', { name: 'Results' }).click();
  await page.getByLabel('Verdict differs under the current rules').check();
  const row = page.getByRole('row', { name: /Not checked for random answering.*Valid under the current rules/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: /Validity: Questionable/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Under the validity rules in force now this result would be valid' })).toContainText('The verdict it was given stays as it is');
  await expect(page.getByRole('list', { name: 'Reasons' })).toContainText('Not checked for random answering');
});
