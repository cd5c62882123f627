import type { DocumentFields } from '../../shared/api/documents';

/**
 * The fitness statement of a seafarer medical, read as a person reads it: "FIT FOR SEA SERVICE - NO
 * RESTRICTIONS" is fit, "Fit with restrictions" is not, "Unrestricted", "without limitations" and "fit for all
 * duties" are fit, and of tick boxes only the ticked one counts.
 *
 * Safety (docs/documents.md): a restriction actually present must never be missed. So a statement reads as fit
 * only when every part of it is understood as fit or as "no restriction"; wording that is not understood leaves
 * the fitness unread (a person looks), and a restriction named anywhere is kept.
 */
export type Fitness = NonNullable<DocumentFields['fitness']>;

export interface FitnessReading {
  /** Undefined when the statement is not understood. */
  fitness: Fitness | undefined;
  /** Restrictions the statement names, as printed (a bare "with restrictions" names none). */
  restrictions: string[];
}

type Clause =
  /** `none`: says no restriction applies; `nothing`: "None", "Nil", "N/A", which say nothing about fitness. */
  | { kind: 'fit' | 'none' | 'nothing' | 'restricted' | 'unfit' | 'yes' | 'no' | 'unclear' }
  | { kind: 'restriction'; text: string };

const LIMIT_WORDS = String.raw`(?:RESTRICTIONS?|LIMITATIONS?|CONDITIONS?)`;
/** Words after which "no restrictions" no longer means none ("no restrictions except night lookout"). */
const EXCEPTION = /\b(?:EXCEPT|EXCLUDING|OTHER\s+THAN|APART\s+FROM|BUT|SAVE|UNLESS|ONLY|BEYOND|WHEN|IF)\b/;
const NEGATED = new RegExp(
  String.raw`^(?:(?:WITH\s+)?(?:NO|NIL|WITHOUT(?:\s+ANY)?|FREE\s+(?:OF|FROM)|NOT\s+SUBJECT\s+TO)\s+(?:[A-Z]+\s+){0,2}${LIMIT_WORDS}` +
    String.raw`(?:\s+(?:APPLY|APPLIED|IMPOSED|NOTED|STATED|RECORDED|SPECIFIED))?(?:\s+(?:ON|FOR|IN)\s+[A-Z\s]+)?` +
    String.raw`|UN(?:RESTRICTED|LIMITED)|NOT\s+RESTRICTED)$`,
);
const NOTHING = /^(?:NONE(?:\s+KNOWN)?|NIL|N\s?\/?\s?A|NOT\s+APPLICABLE)$/;
/** What a seafarer is fit for when nothing is restricted: sea service, duty, all duties, worldwide… */
const GENERAL_DUTY = String.raw`(?:(?:ALL|ANY|FULL|NORMAL|UNRESTRICTED)\s+)?(?:SEA\s*GOING\s+|SEA\s+|SEAFARING\s+)?(?:SERVICE|DUTY|DUTIES|WORK|SEA)(?:\s+AT\s+SEA)?`;
const SCOPE = String.raw`(?:\s+(?:WORLDWIDE|IN\s+ALL\s+CAPACITIES|IN\s+ANY\s+CAPACITY|AS\s+A\s+SEAFARER|ON\s+BOARD))*`;
const FIT = new RegExp(String.raw`^(?:MEDICALLY\s+)?FIT(?:\s+(?:FOR|TO)\s+${GENERAL_DUTY}${SCOPE})?$`);
const UNFIT = new RegExp(
  String.raw`^(?:(?:PERMANENTLY|TEMPORARILY)\s+)?(?:UNFIT|NOT\s+FIT)(?:\s+(?:FOR|TO)\s+${GENERAL_DUTY})?(?:\s+(?:UNTIL|TILL)\b.*|\s+FOR\s+\d.*)?$`,
);
const RESTRICTED = new RegExp(
  String.raw`^(?:FIT\s+)?(?:(?:WITH|SUBJECT\s+TO|UNDER)\s+(?:THE\s+)?(?:FOLLOWING\s+)?${LIMIT_WORDS}(?:\s+(?:AS\s+)?(?:BELOW|STATED|LISTED|OVERLEAF|NOTED))?|RESTRICTED|LIMITED)$`,
);
/** Wording that restricts: the clause is kept as a named restriction. */
const RESTRICTIVE = /RESTRICT|LIMIT|CONDITION|\bONLY\b|\bEXCEPT|\bEXCLUD|\bNOT\s+(?:FIT\s+)?FOR\b|\bUNFIT\s+FOR\b|\bNO\s+(?:SOLO|NIGHT|LOOK|WATCH)|\bMUST\b|\bREQUIRE|\bTO\s+BE\s+WORN\b/;

const normalise = (text: string) =>
  text
    .toUpperCase()
    .replace(/[’‘`]/g, "'")
    // "Restrictions: none" inside a statement, only as a clause of its own: in "with restrictions - no lookout at
    // night" the NO belongs to the restriction that follows.
    .replace(/(^|[;,.(\n]\s*|\s[-–—]+\s*)(RESTRICTIONS?|LIMITATIONS?|CONDITIONS?)\s*[:=\-–—]?\s*(?:NONE|NIL|N\/A|NO)(?=\s*(?:$|[;,.)\n]))/g, '$1NO $2')
    .replace(/LOOK-\s?OUT/g, 'LOOKOUT');

/** Where a statement breaks into clauses: ; , : . ( ) new lines, and dashes with a space beside them. */
const CLAUSE_BREAK = /[;,:.()\n]|\s[-–—]+\s?|[-–—]+\s/;

function clauses(text: string): string[] {
  return normalise(text)
    .split(CLAUSE_BREAK)
    .map((part) => part.replace(/^[^A-Z0-9/]+|[^A-Z0-9/]+$/g, '').replace(/\s+/g, ' '))
    .filter(Boolean);
}

function classify(clause: string, original: string): Clause {
  if (/^(?:YES|Y)$/.test(clause)) return { kind: 'yes' };
  if (/^(?:NO|N)$/.test(clause)) return { kind: 'no' };
  if (UNFIT.test(clause)) return { kind: 'unfit' };
  if (EXCEPTION.test(clause)) return { kind: 'restriction', text: original };
  if (NEGATED.test(clause)) return { kind: 'none' };
  if (NOTHING.test(clause)) return { kind: 'nothing' };
  // "Fit for sea service without restrictions": a fit clause with its own "no restriction" tail.
  const tail = new RegExp(String.raw`\s+(?:WITH\s+NO|WITHOUT(?:\s+ANY)?|NO)\s+${LIMIT_WORDS}$`).exec(clause);
  if (FIT.test(tail ? clause.slice(0, tail.index) : clause)) return { kind: 'fit' };
  if (RESTRICTED.test(clause)) return { kind: 'restricted' };
  if (RESTRICTIVE.test(clause)) return { kind: 'restriction', text: original };
  return { kind: 'unclear' };
}

/** The clauses of `text` with their printed wording kept for the restrictions they name. */
function classified(text: string): Clause[] {
  const printed = text.split(CLAUSE_BREAK).map((part) => part.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const parts = clauses(text);
  // Splitting the printed and the normalised text the same way keeps them aligned; when not, the upper case.
  return parts.map((clause, i) => classify(clause, parts.length === printed.length ? printed[i]! : clause));
}

/**
 * A fitness statement. `question`: the label asks "Fit for sea service?", so YES and NO answer it (elsewhere
 * a bare NO is not understood).
 */
export function readFitnessStatement(text: string, { question = false } = {}): FitnessReading {
  const parts = classified(text);
  const restrictions = parts.flatMap((c) => (c.kind === 'restriction' ? [c.text] : []));
  const has = (kind: Clause['kind']) => parts.some((c) => c.kind === kind);
  if (has('unfit') || (question && has('no'))) return { fitness: 'unfit', restrictions };
  if (restrictions.length > 0 || has('restricted')) return { fitness: 'fit_with_restrictions', restrictions };
  if (has('unclear') || (!question && has('no'))) return { fitness: undefined, restrictions };
  return { fitness: has('fit') || has('none') || has('yes') ? 'fit' : undefined, restrictions };
}

/**
 * A "Restrictions" field: the restrictions it names, one per `;` or line, or none when it says so ("None",
 * "Nil", "No restrictions", "Without limitations", "-"). Anything else written there is a restriction.
 */
export function readRestrictions(value: string): string[] {
  return value
    .split(/\s*[;\n]\s*/)
    .map((item) => item.trim())
    .filter((item) => {
      const parts = classified(item);
      return parts.length > 0 && !parts.every((c) => c.kind === 'none' || c.kind === 'nothing');
    });
}

/** "Fit for lookout duties": YES is no restriction; NO, or anything more, is one. */
export function readLookout(value: string): string[] {
  const parts = classified(value);
  if (parts.length === 0 || parts.every((c) => c.kind === 'yes' || c.kind === 'fit' || c.kind === 'none' || c.kind === 'nothing')) return [];
  if (parts[0]!.kind === 'no' || parts[0]!.kind === 'unfit') return [`Not fit for lookout duties${/night/i.test(value) ? ' at night' : ''}`];
  return [`Lookout duties: ${value.trim()}`];
}

/** Combined statements: the worst wins, and one that is not understood keeps the whole from reading as fit. */
export function combineFitness(readings: FitnessReading[]): FitnessReading {
  const restrictions = readings.flatMap((r) => r.restrictions);
  const has = (fitness: Fitness | undefined) => readings.some((r) => r.fitness === fitness);
  if (has('unfit')) return { fitness: 'unfit', restrictions };
  if (has('fit_with_restrictions') || restrictions.length > 0) return { fitness: 'fit_with_restrictions', restrictions };
  return { fitness: readings.length > 0 && readings.every((r) => r.fitness === 'fit') ? 'fit' : undefined, restrictions };
}

/**
 * A box as OCR reads it: `[X]`, `[ ]`, `(X)`, `☒`, `☐`. The page pass often reads a box's `]` as `1`, `I`, `l`,
 * `|` or `J`, or doubles it (`[X]1 Fit`, `[ 1 Fit`, `[]1No`: measured on the fixture forms).
 */
const TICKED = String.raw`\[\s*[XxVv✓✔×]\s*[\]1Il|J]{1,2}|\(\s*[Xx✓✔×]\s*\)|[☒☑✅]`;
const UNTICKED = String.raw`\[\s*[\]1Il|J]{1,2}|\(\s*\)|[☐□]`;
const BOX = new RegExp(`(${TICKED})|${UNTICKED}`, 'g');
const FITNESS_OPTION = /\b(?:UN)?FIT\b|RESTRICT|LIMITATION/i;

/**
 * Tick boxes, as forms print them: `[X] Fit  [ ] Fit with restrictions  [ ] Unfit`. Each line holding boxes
 * keeps only its ticked options (`Fit for lookout duties: [X] Yes [ ] No` → `Fit for lookout duties: Yes`);
 * box lines without a label of their own whose options speak of fitness (a list under "Medical fitness") are
 * gathered into one `Fitness:` line, so two ticked options are read together and the worse one counts.
 */
export function resolveTickBoxes(text: string): string {
  const kept: string[] = [];
  const options: string[] = [];
  let listed = false;
  for (const line of text.split('\n')) {
    const boxes = [...line.matchAll(BOX)];
    if (boxes.length === 0) {
      kept.push(line);
      continue;
    }
    const ticked = boxes.flatMap((box, i) => {
      const end = boxes[i + 1]?.index ?? line.length;
      const label = line.slice(box.index + box[0].length, end).trim();
      return box[1] && label ? [label] : [];
    });
    const prefix = line.slice(0, boxes[0]!.index).replace(/[\s:]+$/, '');
    if (/\p{L}/u.test(prefix)) kept.push(`${prefix}: ${ticked.join('; ')}`);
    else if (FITNESS_OPTION.test(line)) {
      listed = true;
      options.push(...ticked);
    } else kept.push(ticked.join('; '));
  }
  if (listed && options.length > 0) kept.push(`Fitness: ${options.join('; ')}`);
  return kept.join('\n');
}
