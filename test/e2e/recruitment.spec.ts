import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { formatWallClock } from '../../src/shared/domain/dates';
import { pdfPages } from '../helpers/pdf-text';
import { E2E_OWNER, expect, test } from './fixtures';

async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  expect(envelope.ok, `${method}: ${envelope.error?.message}`).toBe(true);
  return envelope.data;
}

const today = new Date().toISOString().slice(0, 10);

async function newCandidate(page: Page, givenNames: string, surname: string, dateOfBirth: string, email: string) {
  await page.getByRole('button', { name: 'Add a candidate' }).click();
  await page.getByRole('dialog', { name: 'Add a candidate' }).getByLabel('Source').selectOption('Agency');
  await page.getByLabel('Agency putting them forward').fill('Blue Water Crew');
  await page.getByRole('button', { name: 'A new person…' }).click();
  const form = page.getByRole('dialog', { name: 'Add a person' });
  await form.getByLabel('Given names').fill(givenNames);
  await form.getByLabel('Surname').fill(surname);
  await form.getByLabel('Date of birth').fill(dateOfBirth);
  await form.getByLabel('E-mail').fill(email);
  await form.getByRole('button', { name: 'Add person' }).click();
}

async function signInAs(page: Page, username: string, password: string, url: string) {
  await page.getByRole('region', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Your account' })).toBeVisible();
  await page.goto(url);
}

/** The two interviewers: user accounts, as the Users screen would make them. */
const HART = { username: 'hart', displayName: 'Captain Hart', role: 'captain', password: 'hart-password-1' } as const;
const MIA = { username: 'mia', displayName: 'Mia Chief', role: 'head_of_department', password: 'mia-password-1' } as const;

test('a recruiter runs a hire: requisition, candidates with a duplicate merged, the board by keyboard, an interview with two interviewers’ feedback, the hire, and the CV without contacts', async ({ page, server, request }, info) => {
  const vessel = await api<{ id: string }>(request, server.url, 'vessels.create', { name: 'Aurora', kind: 'motor', lengthM: 52, grossTonnage: 480, flag: 'MLT', imoNumber: '9074729', use: 'charter' });
  await api(request, server.url, 'positions.create', { vesselId: vessel.id, department: 'interior', title: 'Chief Stew', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
  for (const { password, ...user } of [HART, MIA]) {
    await api(request, server.url, 'users.create', { ...user, password, scope: { vesselIds: [vessel.id], department: null }, personId: null });
  }

  // A requisition from the position; a salary range upside down is refused on its field.
  await page.goto(`${server.url}#/recruitment`);
  await page.getByRole('button', { name: 'New requisition' }).click();
  const form = page.getByRole('dialog', { name: 'New requisition' });
  await form.getByLabel('Position').selectOption({ label: 'Aurora: Chief Stew (0 of 1 filled)' });
  await expect(form.getByLabel('Job title')).toHaveValue('Chief Stew');
  await expect(form.getByLabel('Rotation (weeks on:off)')).toHaveValue('4:2');
  await expect(form.getByLabel('ENG1 medical')).toBeChecked();
  await form.getByLabel('Salary from (per month)').fill('8000');
  await form.getByLabel('Salary to (per month)').fill('7000');
  await form.getByRole('button', { name: 'Save requisition' }).click();
  await expect(form.getByText('The minimum salary (8000) is above the maximum (7000)')).toBeVisible();
  await form.getByLabel('Salary from (per month)').fill('6000');
  await form.getByRole('button', { name: 'Save requisition' }).click();
  await expect(page.getByRole('heading', { name: /^Chief Stew Open$/ })).toBeVisible();
  await expect(page.getByText(/6,000–7,000 EUR\/month/)).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('dialog', { name: 'Edit Chief Stew' }).getByLabel('Salary from (per month)').fill('6500');
  await page.getByRole('dialog', { name: 'Edit Chief Stew' }).getByRole('button', { name: 'Save requisition' }).click();
  await expect(page.getByText(/6,500–7,000 EUR\/month/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Candidate fit ranking' })).toBeVisible();

  // Three candidates; the third is the first entered again under a short name, and is merged into them.
  await newCandidate(page, 'Jonathan', 'Reed', '1988-02-03', 'jonathan.reed@example.org');
  await expect(page.getByRole('button', { name: 'Jonathan Reed, Sourced' })).toBeVisible();
  await newCandidate(page, 'Maria', 'Lopes', '1992-05-05', 'maria.lopes@example.org');
  await expect(page.getByRole('button', { name: 'Maria Lopes, Sourced' })).toBeVisible();
  await newCandidate(page, 'Jon', 'Reed', '1988-02-03', 'jon.reed@example.org');
  const duplicate = page.getByRole('dialog', { name: 'Possible duplicate' });
  await expect(duplicate).toContainText('Jon Reed (born 3 Feb 1988) may be Jonathan Reed (born 3 Feb 1988), already stored: the same surname and date of birth.');
  await duplicate.getByRole('button', { name: 'Merge into Jonathan Reed' }).click();
  await expect(duplicate).toBeHidden();
  await expect(page.getByRole('button', { name: /Reed, Sourced/ })).toHaveCount(1);

  // Maria across the board from the keyboard: sourced → contacted → screening → submitted to vessel → interviewing.
  const card = page.getByRole('button', { name: /^Maria Lopes, / });
  await card.focus();
  for (const stage of ['Contacted', 'Screening', 'Submitted to vessel', 'Interviewing']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('region', { name: stage }).getByRole('button', { name: `Maria Lopes, ${stage}` })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Maria Lopes Interviewing$/ })).toBeVisible();
  await expect(page.getByText(/by Blue Water Crew \(recorded by/)).toBeVisible();

  // An interview with two interviewers picked from the colleagues who may interview (by name, then by role,
  // from the keyboard), each signing in to give their own feedback once.
  const applicationUrl = page.url();
  await page.getByRole('button', { name: 'Schedule an interview' }).click();
  const schedule = page.getByRole('dialog', { name: 'Schedule an interview' });
  await schedule.getByLabel('Kind').selectOption({ label: 'Technical' });
  const picker = schedule.getByRole('combobox', { name: 'Interviewers' });
  const colleagues = schedule.getByRole('listbox', { name: 'Colleagues who may interview' });
  await picker.fill('har');
  await expect(colleagues.getByRole('option')).toHaveText(['Captain Hart Captain']);
  await picker.press('Enter');
  await picker.fill('head');
  await picker.press('ArrowDown');
  await expect(colleagues.getByRole('option', { selected: true })).toHaveText('Mia Chief Head of department');
  await picker.press('Enter');
  await expect(schedule.getByRole('list', { name: 'Chosen interviewers' }).getByRole('listitem')).toHaveText(['Captain Hart (Captain)×', 'Mia Chief (Head of department)×']);
  await schedule.getByLabel('Date and time').fill(`${today}T23:00`);
  await schedule.getByLabel('Time zone').selectOption('UTC');
  await expect(schedule.getByLabel('Question guide (one a line)')).toHaveValue(/Show your ENG1 medical/);
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText(`Technical interview, video · ${formatWallClock(`${today} 23:00`)} (UTC) · 45 min`)).toBeVisible();
  const interviewers = page.getByRole('list', { name: 'Interviewers' });
  await expect(interviewers.getByRole('listitem')).toHaveText(['Captain Hart (Captain): Feedback awaited', 'Mia Chief (Head of department): Feedback awaited']);
  // The owner scheduled it but is not an interviewer: no feedback to give.
  await expect(page.getByRole('button', { name: 'Give feedback' })).toBeHidden();
  for (const [account, overall, recommendation] of [[HART, '5', 'Strong hire'], [MIA, '4', 'Hire']] as const) {
    await signInAs(page, account.username, account.password, applicationUrl);
    await page.getByRole('button', { name: 'Give feedback' }).click();
    const feedback = page.getByRole('dialog', { name: 'Feedback on Maria Lopes' });
    await expect(feedback).toContainText(`Your feedback, as ${account.displayName}.`);
    await feedback.getByLabel('Teamwork (1–5)').selectOption('5');
    await feedback.getByLabel('Overall (1–5)').selectOption(overall);
    await feedback.getByLabel('Recommendation').selectOption({ label: recommendation });
    await feedback.getByRole('button', { name: 'Submit feedback' }).click();
    await expect(feedback).toBeHidden();
    await expect(interviewers.getByRole('listitem').filter({ hasText: account.displayName })).toContainText('Feedback given');
    await expect(page.getByRole('button', { name: 'Give feedback' })).toBeHidden();
  }
  await expect(page.getByText('2 interviewers · overall 4.5 of 5 · Strong hire: 1, Hire: 1')).toBeVisible();
  await expect(page.getByText('Captain Hart: Strong hire, 5 of 5')).toBeVisible();
  await expect(page.getByText('Mia Chief: Hire, 4 of 5')).toBeVisible();
  await signInAs(page, E2E_OWNER.username, E2E_OWNER.password, applicationUrl);

  // The offer, then the hire: the assignment is made and the requisition filled.
  await page.getByRole('button', { name: 'Offered' }).click();
  const offer = page.getByRole('dialog', { name: 'Maria Lopes: Offered' });
  await offer.getByLabel('Start date').fill(today);
  await offer.getByRole('button', { name: 'Offered' }).click();
  await page.getByRole('button', { name: 'Hire' }).click();
  await page.getByRole('dialog', { name: 'Hire Maria Lopes' }).getByRole('button', { name: 'Hire' }).click();
  await expect(page.getByRole('heading', { name: /^Maria Lopes Placed$/ })).toBeVisible();
  await page.getByRole('link', { name: '← Chief Stew, Aurora' }).click();
  await expect(page.getByRole('heading', { name: /^Chief Stew Filled$/ })).toBeVisible();
  await page.goto(`${server.url}#/vessels/${vessel.id}`);
  await expect(page.getByRole('table', { name: 'Current crew' }).getByRole('link', { name: 'Maria Lopes' })).toBeVisible();

  // Her CV from her profile, without contact details, is two pages at most.
  await page.getByRole('table', { name: 'Current crew' }).getByRole('link', { name: 'Maria Lopes' }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CV without contact details' }).click();
  const file = join(info.outputDir, 'cv.pdf');
  await (await saved).saveAs(file);
  const pages = await pdfPages(readFileSync(file));
  expect(pages.length).toBeLessThanOrEqual(2);
  expect(pages.join('\n')).toContain('Maria Lopes');
  expect(pages.join('\n')).not.toContain('maria.lopes@example.org');

  // The audit log shows each step of the hire, as Maria's own history: her application and its moves, the
  // interview's feedback, the assignment the hire made — each with who did it.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History of Maria Lopes' });
  for (const record of ['Application', 'Application move', 'Interview', 'Interview feedback', 'Assignment']) {
    await expect(history.getByRole('row').filter({ has: page.getByRole('cell', { name: record, exact: true }) }).first()).toBeVisible();
  }
  await expect(history.getByRole('row').filter({ hasText: 'Assignment' }).first()).toContainText('Olivia Owner');
  await expect(history.getByRole('row').filter({ hasText: 'Interview', hasNotText: 'feedback' }).first()).toContainText('Olivia Owner');
  for (const author of ['Captain Hart', 'Mia Chief']) {
    await expect(history.getByRole('row').filter({ hasText: 'Interview feedback' }).filter({ hasText: author })).toHaveCount(1);
  }
});
