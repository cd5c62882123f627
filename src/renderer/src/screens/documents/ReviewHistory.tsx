import type { ReviewEntry } from '../../../../shared/api';
import { formatDateTime } from '../../format';
import { fieldWords, words } from '../../../../shared/words';

/** Every act on the document with its author, and the text OCR read. */
export function ReviewHistory({ history, ocrText }: { history: ReviewEntry[]; ocrText: string }) {
  return (
    <div className="card">
      <h2>History</h2>
      <ol className="checks">
        {history.map((entry) => (
          <li key={entry.id}>
            <strong>{words.reviewActions[entry.action]}</strong>
            {entry.field ? ` ${fieldWords([entry.field])}: “${entry.fromValue ?? ''}” → “${entry.toValue ?? ''}”` : ''}
            {entry.note ? ` — ${entry.note}` : ''} <span className="muted">by {entry.author}, {formatDateTime(entry.createdAt)} · {words.verificationStatuses[entry.statusAfter]}</span>
          </li>
        ))}
      </ol>
      <details>
        <summary>Text read by OCR</summary>
        <pre className="ocr-text">{ocrText || 'No text was read.'}</pre>
      </details>
    </div>
  );
}
