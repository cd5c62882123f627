/** Figures of the recruitment screens as people read them. */
export const pct = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);

export const signed = (x: number | null | undefined, digits = 1, unit = ''): string => (x === null || x === undefined ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}${unit}`);

export function ScoreBar({ value, label }: { value: number | null; label: string }) {
  return (
    <span title={`${label}: ${pct(value)}`}>
      <span className="score-bar" aria-hidden>
        <span style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
      {pct(value)}
    </span>
  );
}

export function Delta({ value, digits = 1, unit = '' }: { value: number | null; digits?: number; unit?: string }) {
  const cls = value === null || Math.abs(value) < 10 ** -digits / 2 ? 'delta' : value > 0 ? 'delta up' : 'delta down';
  return <span className={cls}>{signed(value, digits, unit)}</span>;
}

export const ADVISORY_NOTE = 'Advisory only: a person decides. Every ranking and prediction shown here is logged with who, when, the model and the inputs.';
