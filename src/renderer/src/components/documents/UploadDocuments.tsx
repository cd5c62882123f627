import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { MAX_DOCUMENT_BYTES, type Output } from '../../../../shared/api';
import { useApiTask } from '../../api/hooks';
import { fileToBase64 } from '../../files';
import { ProgressBar } from '../ProgressBar';
import { VerificationBadge } from './labels';
import { reasonWords, words } from '../../../../shared/words';

interface Pending {
  key: number;
  file: File;
}

/** One file on its way: read as base64, uploaded as its own task (own progress, own cancel), then its verdict. */
function UploadRow({ personId, file }: { personId: string; file: File }) {
  const upload = useApiTask('documents.upload', ['documents.']);
  const [result, setResult] = useState<Output<'documents.upload'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const { mutateAsync } = upload;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        if (file.size > MAX_DOCUMENT_BYTES) throw new Error(`${file.name} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
        setResult(await mutateAsync({ personId, fileName: file.name, contentBase64: await fileToBase64(file) }));
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
  }, [file, personId, mutateAsync]);
  const document = result?.document;
  return (
    <li aria-label={`Upload of ${file.name}`}>
      <div>
        <strong>{file.name}</strong>{' '}
        {document ? (
          <>
            <VerificationBadge status={document.status} /> <span className="muted">{words.documentTypes[document.type]}</span>
            {result.duplicate && <span className="muted"> · already stored (same file)</span>}
            {document.reasons.length > 0 && <span className="muted"> · {reasonWords(document.reasons)}</span>} <Link href={`~/documents/${document.id}`}>Open</Link>
          </>
        ) : error ? (
          <span className="field-error">{error}</span>
        ) : (
          <ProgressBar progress={upload.progress} label={`Reading ${file.name}`} />
        )}
      </div>
      {upload.isPending && (
        <button type="button" onClick={upload.cancel} aria-label={`Cancel ${file.name}`}>
          Cancel
        </button>
      )}
    </li>
  );
}

/** Drop or choose several scans at once; each is stored, read and checked on its own. */
export function UploadDocuments({ personId }: { personId: string }) {
  const [uploads, setUploads] = useState<Pending[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const add = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const added = [...files].map((file) => ({ key: (counter.current += 1), file }));
    setUploads((current) => [...added, ...current]);
  };
  return (
    <div>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          setOver(false);
          add(event.dataTransfer.files);
        }}
      >
        <p>Drop passports, seaman’s books, STCW certificates or ENG1 medicals here (scans or phone photos, JPEG, PNG, PDF…), or</p>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          id={`documents-input-${personId}`}
          aria-label="Choose document files"
          accept="image/*,application/pdf"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = '';
          }}
        />
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          Add documents…
        </button>
      </div>
      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <UploadRow key={u.key} personId={personId} file={u.file} />
          ))}
        </ul>
      )}
    </div>
  );
}
