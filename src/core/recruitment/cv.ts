import { isCertificateKind } from '../../shared/domain/certificates';
import { words } from '../../shared/words';
import { countryName } from '../../shared/domain/countries';
import { ageOn, formatDate, formatDateRange, todayIsoDate } from '../../shared/domain/dates';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { listSeaService, listVisas } from '../fit/records';
import { getPersonRow } from '../people/service';
import { candidateProfile } from './candidate-profile';

/**
 * A yacht CV (docs/recruitment.md#the-yacht-cv): the facts captains look for first — photo, age, nationalities,
 * visas with expiry, ENG1 expiry, languages with level, smoker, visible tattoos, licence — then certificates, sea
 * service and references. Contact details (the candidate's and the referees') are left out when an agency sends
 * a copy without them.
 */
export interface CvLine {
  label: string;
  value: string;
}

export interface CvData {
  name: string;
  photoHash: string | null;
  facts: CvLine[];
  contacts: CvLine[];
  summary: string | null;
  certificates: CvLine[];
  seaService: Array<{ vessel: string; role: string; dates: string }>;
  references: Array<{ who: string; contact: string | null }>;
}

const CERTIFICATES_SQL = `SELECT kind, max(coalesce(expires_on, '9999-12-31')) AS until FROM documents
  WHERE person_id = ? AND archived_at IS NULL AND status = 'verified' AND kind IS NOT NULL GROUP BY kind ORDER BY kind`;

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'Yes' : 'No');
const until = (date: string) => (date === '9999-12-31' ? 'does not expire' : `valid to ${formatDate(date)}`);

export function cvData(ctx: ServiceContext, personId: string): CvData {
  const person = getPersonRow(ctx, personId);
  const profile = candidateProfile(ctx, personId);
  const today = todayIsoDate();
  const held = (statement(ctx.sqlite(), CERTIFICATES_SQL).all(personId) as Array<{ kind: string; until: string }>).filter((c) => isCertificateKind(c.kind));
  const eng1 = held.find((c) => c.kind === 'eng1');
  const visas = listVisas(ctx, personId).map((v) => `${words.visaKinds[v.kind]}${v.expiresOn ? ` (to ${formatDate(v.expiresOn)})` : ''}`);
  const levels = profile.languageLevels;
  const languages = [...new Set([...person.languages, ...Object.keys(levels)])].map((l) => (levels[l] ? `${l} (${levels[l]})` : l));
  const facts: Array<CvLine | null> = [
    { label: 'Born', value: `${formatDate(person.dateOfBirth)} (age ${ageOn(person.dateOfBirth, today)})` },
    person.nationalities.length ? { label: 'Nationality', value: person.nationalities.map(countryName).join(', ') } : null,
    { label: 'Visas', value: visas.length ? visas.join(', ') : 'None on record' },
    { label: 'ENG1', value: eng1 ? until(eng1.until) : 'Not on record' },
    languages.length ? { label: 'Languages', value: languages.join(', ') } : null,
    yesNo(profile.smoker) ? { label: 'Smoker', value: yesNo(profile.smoker)! } : null,
    yesNo(profile.visibleTattoos) ? { label: 'Visible tattoos', value: yesNo(profile.visibleTattoos)! } : null,
    profile.drivingLicence ? { label: 'Driving licence', value: profile.drivingLicence } : null,
    person.noticeDays !== null ? { label: 'Notice', value: `${person.noticeDays} days` } : null,
  ];
  const contacts: Array<CvLine | null> = [person.email ? { label: 'E-mail', value: person.email } : null, person.phone ? { label: 'Phone', value: person.phone } : null];
  return {
    name: `${person.givenNames} ${person.surname}`,
    photoHash: person.photoHash,
    facts: facts.filter((f): f is CvLine => f !== null),
    contacts: contacts.filter((f): f is CvLine => f !== null),
    summary: profile.summary,
    certificates: held.map((c) => ({ label: words.certificates[c.kind as keyof typeof words.certificates], value: until(c.until) })),
    seaService: listSeaService(ctx, personId, today).map((s) => ({
      vessel: `${s.vesselName}${s.lengthM ? ` (${Math.round(s.lengthM)} m)` : ''}`,
      role: s.positionTitle,
      dates: formatDateRange(s.startDate, s.endDate),
    })),
    references: profile.references.map((r) => ({ who: `${r.name}, ${r.role}${r.vessel ? `, ${r.vessel}` : ''}`, contact: r.contact })),
  };
}

const escapeMd = (text: string) => text.replace(/([\\`*_[\]#|<>])/g, '\\$1');

export function cvMarkdown(cv: CvData, withContacts: boolean): string {
  const lines = [`# ${escapeMd(cv.name)}`, ''];
  for (const f of cv.facts) lines.push(`- **${f.label}:** ${escapeMd(f.value)}`);
  if (withContacts) for (const c of cv.contacts) lines.push(`- **${c.label}:** ${escapeMd(c.value)}`);
  if (cv.summary) lines.push('', '## Profile', '', escapeMd(cv.summary));
  if (cv.certificates.length) lines.push('', '## Certificates', '', ...cv.certificates.map((c) => `- ${escapeMd(c.label)}: ${c.value}`));
  if (cv.seaService.length) {
    lines.push('', '## Sea service', '', '| Vessel | Position | Dates |', '|---|---|---|');
    for (const s of cv.seaService) lines.push(`| ${escapeMd(s.vessel)} | ${escapeMd(s.role)} | ${s.dates} |`);
  }
  if (cv.references.length) {
    lines.push('', '## References', '');
    for (const r of cv.references) lines.push(`- ${escapeMd(r.who)}${withContacts && r.contact ? `: ${escapeMd(r.contact)}` : ''}`);
    if (!withContacts) lines.push('', 'Contact details on request.');
  }
  return `${lines.join('\n')}\n`;
}
