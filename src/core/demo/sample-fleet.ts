import { addDays, format, parseISO } from 'date-fns';
import { count, isNull } from 'drizzle-orm';
import { assignmentInputSchema, personInputSchema, positionInputSchema, vesselInputSchema, type VesselInput } from '../../shared/api';
import { DEFAULT_ROTATION, departmentOfTitle, parseRotation, type Department, type EmploymentKind, type Rotation } from '../../shared/domain/crew';
import { AppError } from '../api/errors';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import { createAssignment } from '../assignments/service';
import type { ServiceContext } from '../context';
import { vessels } from '../db/schema';
import { longWrite } from '../db/writes';
import { createPerson } from '../people/service';
import { createPosition } from '../vessels/positions';
import { createVessel } from '../vessels/service';
import { NAME_POOLS, RELATIONS } from './names';
import { addSampleCertificates, storeSamplePicture, type SampleCertificateOptions } from './sample-certificates';
import { loadSampleAssessments } from './sample-assessments';
import { addSampleFitRecords } from './sample-fit';
import { addSampleRecruitment } from './sample-recruitment';
import { seededRandom } from '../../engine/random';

/** Seed of the sample fleet: the same seed and day give the same fleet. */
export const SAMPLE_SEED = 20_240_601;


/** Seven digits whose last is the IMO check digit of the first six. */
function imoFrom(six: string): string {
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += Number(six[i]) * (7 - i);
  return `${six}${sum % 10}`;
}

interface Berth {
  title: string;
  /** Defaults to the department of a known title; needed for custom titles (dual roles). */
  department?: Department;
  headcount?: number;
  employmentKind?: EmploymentKind;
}

interface VesselPlan {
  vessel: VesselInput;
  rotational: boolean;
  berths: Berth[];
  /** Titles with one berth left open (a vacancy); the first gets a planned joiner. */
  vacancies: string[];
}

/** Four yachts of different sizes; positions of docs/domain.md#departments-and-positions, scaled to each. */
const PLANS: VesselPlan[] = [
  {
    vessel: { name: 'Serenity Tide', kind: 'motor', lengthM: 78.5, grossTonnage: 2380, flag: 'CYM', imoNumber: imoFrom('987654'), homePort: 'George Town', use: 'charter', cruisingAreas: ['schengen', 'caribbean', 'usa'] },
    rotational: true,
    berths: [
      { title: 'Captain' }, { title: 'Chief Officer' }, { title: '2nd Officer' }, { title: 'Bosun' }, { title: 'Lead Deckhand' },
      { title: 'Deckhand', headcount: 3 }, { title: 'Chief Engineer' }, { title: '2nd Engineer' }, { title: '3rd Engineer' }, { title: 'ETO' },
      { title: 'Purser' }, { title: 'Chief Stew' }, { title: 'Stew', headcount: 4 }, { title: 'Laundry' },
      { title: 'Head Chef' }, { title: 'Sous Chef' }, { title: 'Crew Chef' },
    ],
    vacancies: ['Stew', '3rd Engineer'],
  },
  {
    vessel: { name: 'Blue Meridian', kind: 'motor', lengthM: 55, grossTonnage: 499, flag: 'MHL', imoNumber: imoFrom('981234'), homePort: 'Majuro', use: 'private', cruisingAreas: ['schengen', 'uk'] },
    rotational: false,
    berths: [
      { title: 'Captain' }, { title: 'Chief Officer' }, { title: 'Bosun' }, { title: 'Deckhand', headcount: 2 },
      { title: 'Chief Engineer' }, { title: '2nd Engineer' }, { title: 'Chief Stew' }, { title: 'Stew', headcount: 2 },
      { title: 'Head Chef' }, { title: 'Sous Chef' },
    ],
    vacancies: ['Deckhand'],
  },
  {
    vessel: { name: 'Halcyon Wind', kind: 'sail', lengthM: 45.2, grossTonnage: 382, flag: 'MLT', imoNumber: imoFrom('975310'), homePort: 'Valletta', use: 'both', cruisingAreas: ['schengen'] },
    rotational: false,
    berths: [
      { title: 'Captain' }, { title: 'Chief Officer' }, { title: 'Deckhand', headcount: 2 }, { title: 'Chief Engineer' },
      { title: 'Chief Stew' }, { title: 'Stew' }, { title: 'Head Chef' },
    ],
    vacancies: [],
  },
  {
    vessel: { name: 'Kestrel', kind: 'motor', lengthM: 34, grossTonnage: 178, flag: 'GBR', officialNumber: 'SSR 912345', homePort: 'Southampton', use: 'charter', cruisingAreas: ['uk', 'schengen'] },
    rotational: false,
    berths: [
      { title: 'Captain' },
      { title: 'Deck/Engineer', department: 'deck' },
      { title: 'Deckhand', employmentKind: 'temporary' },
      { title: 'Chief Stew' },
      { title: 'Stew/Cook', department: 'interior' },
    ],
    vacancies: ['Deckhand'],
  },
];

/**
 * Days before today that a rotating crew member started so that they are on watch `watch`: watches begin `off`
 * weeks apart (2:2 → two watches that never meet, 4:2 → three, two of them aboard at a time), the nearest such
 * day to the one drawn.
 */
function onWatch(daysAgo: number, rotation: Rotation, watch: number): number {
  const cycle = (rotation.weeksOn + rotation.weeksOff) * 7;
  const watches = Math.max(1, Math.floor(cycle / (rotation.weeksOff * 7)));
  const phase = (watch % watches) * rotation.weeksOff * 7;
  return Math.max(phase, phase + Math.round((daysAgo - phase) / cycle) * cycle);
}

/** Typical age range per seniority, for plausible dates of birth. */
const SENIOR = /Captain|Chief|Purser|Head|Manager/;

export interface SampleFleetCounts {
  vessels: number;
  positions: number;
  people: number;
  assignments: number;
  documents: number;
  assessments: number;
}

/**
 * Loads the sample fleet in one transaction: four yachts, about sixty synthetic crew with current crew, planned
 * joiners, past crew (some moved between yachts), a few vacancies and a few unassigned people. Dates are
 * relative to `today`, so the fleet is alive whenever it is loaded; synthetic questionnaire results for the
 * crew and applicants (sample-assessments.ts). Refused when the database has vessels.
 */
export async function loadSampleFleet(ctx: ServiceContext, task: TaskHandle, today: string, seed = SAMPLE_SEED): Promise<SampleFleetCounts> {
  const live = ctx.db().select({ n: count() }).from(vessels).where(isNull(vessels.archivedAt)).get()!.n;
  if (live > 0) {
    throw new AppError('CONFLICT', `This database already has ${live} vessel${live === 1 ? '' : 's'}. The sample fleet is loaded only into an empty database (use a new data folder to try it).`);
  }
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  const counts: SampleFleetCounts = { vessels: 0, positions: 0, people: 0, assignments: 0, documents: 0, assessments: 0 };
  const usedNames = new Set<string>();

  const newPerson = (title: string) => {
    const pool = pick(NAME_POOLS);
    const draw = () => ({ givenNames: pick(random() < 0.5 ? pool.given.f : pool.given.m), surname: pick(pool.surnames) });
    let { givenNames, surname } = draw();
    while (usedNames.has(`${givenNames} ${surname}`)) ({ givenNames, surname } = draw());
    usedNames.add(`${givenNames} ${surname}`);
    const age = SENIOR.test(title) ? between(34, 58) : between(20, 36);
    const local = `${givenNames}.${surname}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase();
    const contact = pick(NAME_POOLS.find((p) => p.nationality === pool.nationality)!.given.f);
    const secondNationality = random() < 0.1 ? [pick(NAME_POOLS).nationality] : [];
    counts.people += 1;
    return createPerson(
      ctx,
      personInputSchema.parse({
        givenNames,
        surname,
        dateOfBirth: day(-(age * 365 + between(0, 364))),
        nationalities: [...new Set([pool.nationality, ...secondNationality])],
        languages: ['English', ...pool.languages],
        email: `${local}@example.org`,
        // Ofcom's range reserved for drama: never a real subscriber.
        phone: `+44 7700 900${String(between(0, 999)).padStart(3, '0')}`,
        emergencyContactName: `${contact} ${surname}`,
        emergencyContactPhone: `+44 7700 900${String(between(0, 999)).padStart(3, '0')}`,
        emergencyContactRelation: pick(RELATIONS),
      }),
    );
  };
  const assign = (personId: string, positionId: string, startDate: string, endDate: string | null) => {
    counts.assignments += 1;
    return createAssignment(ctx, assignmentInputSchema.parse({ personId, positionId, startDate, endDate }));
  };

  const picture = await storeSamplePicture(ctx);
  // A stream of its own, so adding certificates leaves the people and placements of a seed as they were.
  const certificateRandom = seededRandom(seed + 1);
  const certify = (person: SampleCertificateOptions['person'], positionTitle: string) => {
    counts.documents += addSampleCertificates(ctx, { person, positionTitle, today, picture, random: certificateRandom });
  };

  return longWrite(ctx.sqlite(), 'Loading the sample fleet', async () => {
    const movers: string[] = [];
    for (const [index, plan] of PLANS.entries()) {
      task.progress(index, PLANS.length, `Loading ${plan.vessel.name}`);
      const vessel = createVessel(ctx, vesselInputSchema.parse(plan.vessel));
      counts.vessels += 1;
      const formerCandidates: Array<{ positionId: string; title: string }> = [];
      // Rotating crew of a department take turns in watches (crew A, B, …), as rotational yachts run them.
      const watches: Partial<Record<Department, number>> = {};
      for (const berth of plan.berths) {
        const department = berth.department ?? departmentOfTitle(berth.title)!;
        const employmentKind = berth.employmentKind ?? (plan.rotational ? 'rotational' : 'permanent');
        const position = createPosition(
          ctx,
          positionInputSchema.parse({
            vesselId: vessel.id,
            department,
            title: berth.title,
            headcount: berth.headcount ?? 1,
            rotation: employmentKind === 'rotational' ? DEFAULT_ROTATION[department] : null,
            employmentKind,
          }),
        );
        counts.positions += 1;
        formerCandidates.push({ positionId: position.id, title: berth.title });
        const filled = position.headcount - (plan.vacancies.includes(berth.title) ? 1 : 0);
        const rotation = parseRotation(position.rotation);
        for (let slot = 0; slot < filled; slot += 1) {
          const person = newPerson(berth.title);
          const temporary = employmentKind === 'temporary';
          const daysAgo = between(temporary ? 5 : 20, temporary ? 40 : 900);
          const start = rotation ? onWatch(daysAgo, rotation, (watches[department] = (watches[department] ?? -1) + 1)) : daysAgo;
          assign(person.id, position.id, day(-start), temporary ? day(between(10, 60)) : null);
          certify(person, berth.title);
          if (random() < 0.12) movers.push(person.id);
        }
        // The first vacancy of each yacht has someone joining soon; the others stay open.
        if (berth.title === plan.vacancies[0]) {
          const joiner = newPerson(berth.title);
          assign(joiner.id, position.id, day(between(7, 45)), null);
          certify(joiner, berth.title);
        }
      }
      // Past crew: people who left this yacht, some of whom now serve on another one.
      for (let former = 0; former < 3; former += 1) {
        const { positionId, title } = pick(formerCandidates);
        const moverId = index > 0 ? movers.shift() : undefined;
        // One leaver a yacht within the last year (turnover for team dynamics); movers left long ago, so their
        // old stint never overlaps the one they hold now.
        const recent = former === 0 && moverId === undefined;
        const start = recent ? -between(330, 560) : -between(1300, 1800);
        const personId = moverId ?? newPerson(title).id;
        assign(personId, positionId, day(start), day(start + between(200, 300)));
      }
      await yieldToEventLoop();
      task.throwIfCancelled();
    }
    // Candidates between contracts: in the crew list, on no yacht.
    for (const title of ['Deckhand', 'Stew', 'Sous Chef', 'Deckhand', 'Stew', '2nd Engineer', 'Chief Officer']) newPerson(title);
    task.progress(PLANS.length, PLANS.length + 1, 'Scoring sample questionnaires');
    counts.assessments = await loadSampleAssessments(ctx, task, today, random);
    await addSampleFitRecords(ctx, today, seed);
    addSampleRecruitment(ctx, today);
    task.progress(PLANS.length, PLANS.length, 'Sample fleet loaded');
    return counts;
  });
}
