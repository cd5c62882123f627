import type { Duplicate } from '../../shared/api';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';

/**
 * People who may be one person entered twice (docs/recruitment.md#duplicates): the same surname and date of
 * birth (given names written differently: "Jon" and "Jonathan"), the same e-mail address, or the same passport
 * number read from their documents. Exact matches of name, date of birth or e-mail are refused when a person is
 * added; these are the near ones that got in, found for a person or across everyone.
 */
const PAIRS_SQL = (where: string) => `
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
  WHERE pa.archived_at IS NULL AND pb.archived_at IS NULL ${where}
  GROUP BY pairs.a, pairs.b ORDER BY pa.sort_key, pairs.a, pairs.b LIMIT 500`;

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
  const rows = statement(ctx.sqlite(), PAIRS_SQL(personId ? 'AND (pairs.a = @personId OR pairs.b = @personId)' : '')).all(personId ? { personId } : {}) as PairRow[];
  return rows.map((r) => {
    // For one person, they come first and the other record second.
    const flip = personId !== undefined && r.b === personId;
    return {
      personId: flip ? r.b : r.a,
      name: flip ? r.bName : r.aName,
      dateOfBirth: flip ? r.bBorn : r.aBorn,
      otherId: flip ? r.a : r.b,
      otherName: flip ? r.aName : r.bName,
      otherDateOfBirth: flip ? r.aBorn : r.bBorn,
      reasons: r.reasons.split(','),
    };
  });
}
