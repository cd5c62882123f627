import type { KioskView } from '../../../../../shared/api';

interface ItemsProps {
  view: KioskView;
  index: number;
  answers: Record<string, number>;
  onAnswer(index: number, value: number): void;
  onGo(index: number): void;
}

/** One statement at a time, or a page of ten, with its progress; keys 1–5 answer the statement in focus. */
export function KioskItems({ view, index, answers, onAnswer, onGo }: ItemsProps) {
  const { items, labels, range, pageSize } = view;
  const answered = Object.keys(answers).length;
  const progress = (
    <>
      <p className="muted" aria-label="Progress">
        Statement {index + 1} of {items.length} · {answered} answered
      </p>
      <div className="progress" aria-hidden>
        <span style={{ width: `${(100 * answered) / items.length}%` }} />
      </div>
    </>
  );
  const back = (
    <button type="button" onClick={() => onGo(index - 1)} disabled={index === 0}>
      ← Back
    </button>
  );
  if (pageSize > 1) {
    const start = Math.floor(index / pageSize) * pageSize;
    const page = items.slice(start, start + pageSize);
    return (
      <section className="kiosk-page">
        {progress}
        {page.map((item, offset) => {
          const at = start + offset;
          return (
            <div key={item.id} className={at === index ? 'kiosk-row current' : 'kiosk-row'}>
              <span>{item.text}</span>
              <div className="kiosk-scale" role="group" aria-label={item.text}>
                {labels.map((label, i) => (
                  <button key={label} type="button" title={label} aria-label={label} aria-pressed={answers[item.id] === range.min + i} onClick={() => onAnswer(at, range.min + i)}>
                    {i + 1}
                  </button>
                ))}
              </div>
            </div>
          );
        })}
        <div className="kiosk-nav">{back}</div>
      </section>
    );
  }
  const item = items[index]!;
  return (
    <section>
      {progress}
      <p className="kiosk-statement" id="statement">
        {item.text}
      </p>
      <div className="kiosk-options" role="group" aria-labelledby="statement">
        {labels.map((label, i) => (
          <button key={label} type="button" aria-pressed={answers[item.id] === range.min + i} onClick={() => onAnswer(index, range.min + i)}>
            <kbd>{i + 1}</kbd>
            {label}
          </button>
        ))}
      </div>
      <div className="kiosk-nav">
        {back}
        <span className="muted">Keys 1–{labels.length} answer · ← goes back</span>
      </div>
    </section>
  );
}
