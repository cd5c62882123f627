import { addDays, format, parseISO } from 'date-fns';
import { DEPARTMENTS, POSITION_TITLES, type Department } from '../../shared/domain/crew';
import type { SeaServiceKind, VisaKind } from '../../shared/fit/model';
import type { ServiceContext } from '../context';
import { personVisas, seaService } from '../db/schema';
import { statement } from '../db/statements';
import { seededRandom } from '../../engine/random';
import { recordOutcome } from '../fit/outcomes';

/**
 * What candidate fit reads about the sample fleet's people, so rankings have something to explain in one click:
 * notice periods, visas, sea service on yachts outside the fleet, and outcomes of the assignments that ended.
 * A random stream of its own, so the people, placements and certificates of a seed stay as they were.
 */
const OUTSIDE = ['M/Y Aurelia', 'S/Y Windrose', 'M/Y Coral Bay', 'M/Y Solstice', 'M/Y Northern Star'];

export async function addSampleFitRecords(ctx: ServiceContext, today: string, seed: number): Promise<void> {
  const random = seededRandom(seed + 2);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  const people = statement(ctx.sqlite(), 'SELECT id FROM people WHERE archived_at IS NULL ORDER BY sort_key, id').all() as Array<{ id: string }>;
  const postOf = new Map((statement(ctx.sqlite(), 'SELECT a.person_id AS personId, pos.department, pos.title FROM assignments a JOIN positions pos ON pos.id = a.position_id ORDER BY a.start_date').all() as Array<{ personId: string; department: Department; title: string }>).map((r) => [r.personId, r]));
  for (const { id } of people) {
    ctx.sqlite().prepare('UPDATE people SET notice_days = ? WHERE id = ?').run(random() < 0.8 ? pick([14, 30, 30, 60]) : null, id);
    const visas: VisaKind[] = [...(random() < 0.55 ? (['b1b2'] as const) : []), ...(random() < 0.3 ? (['schengen'] as const) : [])];
    for (const kind of visas) ctx.db().insert(personVisas).values({ personId: id, kind, expiresOn: day(Math.floor(random() * 1800) - 60), note: null }).run();
    const post = postOf.get(id);
    const department: Department = post?.department ?? pick(DEPARTMENTS);
    const titles = POSITION_TITLES[department];
    const rank = post ? Math.max(0, titles.indexOf(post.title)) : titles.length - 1 - Math.floor(random() * 2);
    for (let stint = 0, end = -900 - Math.floor(random() * 400); stint < 1 + Math.floor(random() * 2); stint += 1) {
      const length = 150 + Math.floor(random() * 400);
      ctx.db()
        .insert(seaService)
        .values({
          personId: id,
          vesselName: pick(OUTSIDE),
          lengthM: random() < 0.85 ? 30 + Math.floor(random() * 60) : null,
          grossTonnage: null,
          use: random() < 0.8 ? pick(['private', 'charter', 'both'] as const) : null,
          department,
          positionTitle: titles[Math.min(titles.length - 1, rank + 1 - stint)] ?? titles.at(-1)!,
          startDate: day(end - length),
          endDate: day(end),
          kind: pick(['onboard', 'onboard', 'sea', 'watchkeeping', 'standby'] as const satisfies readonly SeaServiceKind[]),
        })
        .run();
      end -= length + 30 + Math.floor(random() * 200);
    }
  }
  const ended = statement(ctx.sqlite(), 'SELECT id FROM assignments WHERE archived_at IS NULL AND end_date IS NOT NULL AND end_date < ? ORDER BY end_date, id').all(today) as Array<{ id: string }>;
  for (const { id } of ended) {
    const completed = random() < 0.7;
    await recordOutcome(ctx, { assignmentId: id, completed, leaveReason: completed ? null : pick(['better-offer', 'rotation-or-leave', 'crew-conflict', 'leadership', 'personal'] as const), note: null, rating: 2 + Math.floor(random() * 4), wouldRehire: random() < 0.7 });
  }
}
