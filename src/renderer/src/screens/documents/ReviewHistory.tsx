import type { ReviewEntry } from '../../../../shared/api';
import { formatDateTime } from '../../format';
import { fieldWords, VERIFICATION_STATUS_LABELS } from '../../../../shared/domain/document-words';

const ACTION_LABELS: Record<ReviewEntry['action'], string> = {
  upload: 'Uploaded and read',
  correct: 'Corrected',
  accept: 'Accepted',
  reject: 'Rejected',
  reverify: 'Read again',
  archive: 'Archived',
  restore: 'Restored',
};

/** Every act on the document with its author, and the text OCR read. */
export function ReviewHistory({ history, ocrText }: { history: ReviewEntry[]; ocrText: string }) {
  return (
    <div className="card">
      <h2>History</h2>
      <ol className="checks">
        {history.map((entry) => (
          <li key={entry.id}>
            <strong>{ACTION_LABELS[entry.action]}</strong>
            {entry.field ? ` ${fieldWords([entry.field])}: “${entry.fromValue ?? ''}” → “${entry.toValue ?? ''}”` : ''}
            {entry.note ? ` — ${entry.note}` : ''} <span className="muted">by {entry.author}, {formatDateTime(entry.createdAt)} · {VERIFICATION_STATUS_LABELS[entry.statusAfter]}</span>
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
