import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Link } from 'wouter';
import type { DocumentRecord } from '../../../../shared/api';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiMutation, useApiQuery, useApiTask } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { ImageViewer } from '../../components/documents/ImageViewer';
import { VerificationBadge } from '../../components/documents/labels';
import { ProgressBar } from '../../components/ProgressBar';
import { DocumentFieldsForm } from '../../forms/DocumentFieldsForm';
import { Field } from '../../forms/form-helpers';
import { formatBytes, formatDate, formatDateTime } from '../../format';
import { ReviewHistory } from './ReviewHistory';
import { HistoryButton } from '../audit/AuditHistory';
import { inSentence, reasonWords, words } from '../../../../shared/words';
import { useCan } from '../../auth/session';

function Preview({ id, name }: { id: string; name: string }) {
  const preview = useApiQuery('documents.preview', { id }, { staleTime: Infinity });
  if (preview.isPending) return <div className="viewer viewer-empty">Loading the image…</div>;
  if (preview.isError) return <div className="viewer viewer-empty">{preview.error.message}</div>;
  if (!preview.data.dataUrl) return <div className="viewer viewer-empty">{preview.data.message}</div>;
  return <ImageViewer src={preview.data.dataUrl} alt={`Scan of ${name}`} />;
}

function RejectDialog({ document, onClose }: { document: DocumentRecord; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reject = useApiMutation('documents.reject', ['documents.'], {
    onSuccess: () => {
      toast.success(`Rejected ${document.fileName}`);
      onClose();
    },
    onError: (failure) => setError(failure.fieldIssues().reason ?? failure.message),
  });
  return (
    <Dialog title="Reject the document" onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ id: document.id, reason });
        }}
      >
        <Field label="Why is it rejected?" error={error}>
          {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus placeholder="e.g. belongs to another crew member" />}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={reject.isPending}>
            Reject
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One document: the scan with zoom beside its fields, the checks, and the reviewer's decisions (Alt+A / Alt+R). */
export function DocumentDetail({ id }: { id: string }) {
  const mayWrite = useCan('documents.write');
  const detail = useApiQuery('documents.get', { id });
  const [rejecting, setRejecting] = useState(false);
  const archive = useArchiveWithUndo('documents', ['documents.']);
  const accept = useApiMutation('documents.accept', ['documents.'], {
    onSuccess: (saved) => toast.success(`Accepted ${saved.fileName}`),
    onError: (error) => toast.error(error.message),
  });
  const reverify = useApiTask('documents.reverify', ['documents.'], {
    onSuccess: (saved) => toast.success(`Read again: ${inSentence(words.verificationStatuses[saved.status])}`),
    onError: (error) => toast.error(error.message),
  });
  const document = detail.data?.document;
  const canDecide = Boolean(document && document.archivedAt === null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || !document || !canDecide) return;
      const key = event.key.toLowerCase();
      const action = key === 'a' ? document.actions.accept : key === 'r' ? document.actions.reject : null;
      if (!action) return;
      event.preventDefault();
      // The shortcut of a button that is off says why, as the button's own note does.
      if (!action.allowed) toast.error(action.reason);
      else if (key === 'a') accept.mutate({ id: document.id });
      else setRejecting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [document, canDecide, accept]);

  if (detail.isPending) return <p className="page muted">Loading…</p>;
  if (detail.isError || !document)
    return (
      <section className="page">
        <p className="notice bad">{detail.error?.message}</p>
        <Link href="/">Back to the review queue</Link>
      </section>
    );
  const archived = document.archivedAt !== null;
  const { actions } = document;
  // Why a decision is not possible, under the buttons; "already verified/rejected" goes without saying (the badge).
  const alreadyDecided = { accept: document.status === 'verified', reject: document.status === 'rejected', reread: false };
  const unavailable = (['accept', 'reject', 'reread'] as const).filter((name) => !actions[name].allowed && !alreadyDecided[name]);
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Review queue
          </Link>
          <h1>
            {document.fileName} <VerificationBadge status={document.status} />
            {archived && <span className="badge bad">Archived</span>}
          </h1>
          <p className="muted">
            {words.documentTypes[document.type]}
            {document.kind && document.type === 'stcw_certificate' ? ` · ${words.certificates[document.kind]}` : ''} of{' '}
            <Link href={`~/crew/${document.personId}`}>{document.personName}</Link> · {formatBytes(document.byteSize)}
            {document.confidence !== null ? ` · OCR confidence ${Math.round(document.confidence * 100)}%` : ''}
            {document.expiresOn ? ` · valid until ${formatDate(document.expiresOn)}` : ''}
          </p>
          {document.reasons.length > 0 && <p>Why: {reasonWords(document.reasons)}</p>}
          {document.decidedBy && (
            <p className="muted">
              {document.status === 'verified' ? 'Accepted' : 'Decided'} by {document.decidedBy} on {formatDateTime(document.decidedAt!)}
            </p>
          )}
        </div>
        {!mayWrite ? null : archived ? (
          <button type="button" className="primary" onClick={() => archive.restore(document.id, document.fileName)}>
            Restore
          </button>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => accept.mutate({ id: document.id })}
              disabled={!canDecide || accept.isPending || !actions.accept.allowed}
              aria-keyshortcuts="Alt+A"
              aria-describedby={unavailable.includes('accept') ? 'why-not-accept' : undefined}
              title={actions.accept.reason ?? 'Alt+A'}
            >
              Accept
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => setRejecting(true)}
              disabled={!canDecide || !actions.reject.allowed}
              aria-keyshortcuts="Alt+R"
              aria-describedby={unavailable.includes('reject') ? 'why-not-reject' : undefined}
              title={actions.reject.reason ?? 'Alt+R'}
            >
              Reject…
            </button>
            <button
              type="button"
              onClick={() => reverify.mutate({ id: document.id })}
              disabled={reverify.isPending || !actions.reread.allowed}
              aria-describedby={unavailable.includes('reread') ? 'why-not-reread' : undefined}
              title={actions.reread.reason ?? undefined}
            >
              Read again
            </button>
            <button type="button" onClick={() => archive.archive(document.id, document.fileName)}>
              Archive
            </button>
          </>
        )}
        <HistoryButton table="documents" rowId={document.id} title={`History of ${document.fileName}`} />
      </header>
      {!archived && unavailable.length > 0 && (
        <ul className="notice action-notes" aria-label="Why some actions are not available">
          {unavailable.map((name) => (
            <li key={name} id={`why-not-${name}`}>
              <strong>{words.documentActions[name]}</strong> is not possible: {actions[name].reason}
            </li>
          ))}
        </ul>
      )}
      {reverify.isPending && (
        <div className="card">
          <ProgressBar progress={reverify.progress} label={`Reading ${document.fileName} again`} />
          <button type="button" onClick={reverify.cancel}>
            Cancel
          </button>
        </div>
      )}
      <div className="document-layout">
        <Preview id={document.id} name={document.fileName} />
        <div>
          <div className="card">
            <h2>Fields</h2>
            {!archived && !actions.correct.allowed && <p className="muted">{actions.correct.reason}</p>}
            <DocumentFieldsForm key={document.updatedAt} document={document} disabled={!canDecide || !actions.correct.allowed} />
          </div>
          <div className="card">
            <h2>Checks</h2>
            <ul className="checks">
              {document.checks.map((check) => (
                <li key={check.id} className={check.ok ? 'pass' : 'fail'}>
                  <span aria-label={check.ok ? 'passed' : 'failed'}>{check.ok ? '✓' : '✗'}</span> {check.message}
                </li>
              ))}
            </ul>
            {document.mrz && <pre className="mrz">{document.mrz.join('\n')}</pre>}
          </div>
          <ReviewHistory history={detail.data.history} ocrText={detail.data.ocrText} />
        </div>
      </div>
      {rejecting && <RejectDialog document={document} onClose={() => setRejecting(false)} />}
    </section>
  );
}
