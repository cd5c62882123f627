import type { Duplicate } from '../../shared/api';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { andScope, personCondition } from '../scope/sql';

/**
 * People who may be one person entered twice (docs/recruitment.md#duplicates): the same surname and date of
 * birth (given names written differently: "Jon" and "Jonathan"), the same e-mail address, or the same passport
 * number read from their documents. Exact matches of name, date of birth or e-mail are refused when a person is
 * added; these are the near ones that got in, found for a person or across everyone.
 */
const pairsSql = (inScope: string) => `
  WITH passports AS (
    SELECT DISTINCT person_id, upper(replace(json_extract(fields, '$.documentNumber'), ' ', '')) AS number
    FROM documents WHERE type = 'passport' AND archived_at IS NULL AND status != 'rejected' AND json_extract(fields, '$.documentNumber') IS NOT NULL
  ),
  pairs AS (
    SELECT a.id AS a, b.id AS b, 'the same surname and date of birth' AS reason FROM people a JOIN people b
      ON b.date_of_birth = a.date_of_birth AND lower(b.surname) = lower(a.surname) AND b.id > a.id
    UNION ALL
    SELECT a.id, b.id, 'the same e-mail address ' || a.email FROM people a JOIN people b ON b.email = a.email AND b.id > a.id WHERE a.email IS NOT NULL
    UNION ALL
    SELECT pa.person_id, pb.person_id, 'the same passport number ' || pa.number FROM passports pa JOIN passports pb ON pb.number = pa.number AND pb.person_id > pa.person_id
  )
  SELECT pairs.a, pairs.b, group_concat(DISTINCT pairs.reason) AS reasons,
         pa.given_names || ' ' || pa.surname AS aName, pa.date_of_birth AS aBorn, pb.given_names || ' ' || pb.surname AS bName, pb.date_of_birth AS bBorn
  FROM pairs JOIN people pa ON pa.id = pairs.a JOIN people pb ON pb.id = pairs.b
  WHERE pa.archived_at IS NULL AND pb.archived_at IS NULL${inScope}
  GROUP BY pairs.a, pairs.b ORDER BY pa.sort_key, pairs.a, pairs.b LIMIT 500`;

/** One person's near duplicates, looked for from their side: one pass over people, none over every pair. */
const oneSql = (inScope: string) => `
  WITH passports AS (
    SELECT DISTINCT person_id, upper(replace(json_extract(fields, '$.documentNumber'), ' ', '')) AS number
    FROM documents WHERE type = 'passport' AND archived_at IS NULL AND status != 'rejected' AND json_extract(fields, '$.documentNumber') IS NOT NULL
  ),
  found AS (
    SELECT b.id AS b, 'the same surname and date of birth' AS reason FROM people me JOIN people b
      ON b.date_of_birth = me.date_of_birth AND lower(b.surname) = lower(me.surname) AND b.id != me.id WHERE me.id = @personId
    UNION ALL
    SELECT b.id, 'the same e-mail address ' || me.email FROM people me JOIN people b ON b.email = me.email AND b.id != me.id WHERE me.id = @personId
    UNION ALL
    SELECT other.person_id, 'the same passport number ' || mine.number FROM passports mine JOIN passports other ON other.number = mine.number AND other.person_id != mine.person_id
      WHERE mine.person_id = @personId
  )
  SELECT me.id AS a, found.b, group_concat(DISTINCT found.reason) AS reasons,
         me.given_names || ' ' || me.surname AS aName, me.date_of_birth AS aBorn, pb.given_names || ' ' || pb.surname AS bName, pb.date_of_birth AS bBorn
  FROM found JOIN people me ON me.id = @personId JOIN people pb ON pb.id = found.b
  WHERE me.archived_at IS NULL AND pb.archived_at IS NULL${inScope}
  GROUP BY found.b ORDER BY pb.sort_key, found.b`;

interface PairRow {
  a: string;
  b: string;
  reasons: string;
  aName: string;
  aBorn: string;
  bName: string;
  bBorn: string;
}

export function findDuplicates(ctx: ServiceContext, personId?: string): Duplicate[] {
  // Both of a pair are people the signed-in user sees (docs/security.md#scope): a hidden one is never named.
  const other = andScope(personCondition('pb.id'));
  const rows = (
    personId ? statement(ctx.sqlite(), oneSql(other)).all({ personId }) : statement(ctx.sqlite(), pairsSql(`${andScope(personCondition('pa.id'))}${other}`)).all()
  ) as PairRow[];
  return rows.map((r) => ({ personId: r.a, name: r.aName, dateOfBirth: r.aBorn, otherId: r.b, otherName: r.bName, otherDateOfBirth: r.bBorn, reasons: r.reasons.split(',') }));
}
