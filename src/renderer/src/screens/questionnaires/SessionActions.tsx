import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { toast } from 'sonner';
import type { SessionSummary } from '../../../../shared/api';
import { useMayCall } from '../../auth/session';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { downloadText, fileToBase64 } from '../../files';
import { ExitCodeFields, exitCodeReady } from './ExitCodeFields';

const SCOPES = ['sessions.', 'assessments.', 'campaigns.', 'pulse.', 'profiles.'];

/** What can be done with a session from its row: hand the laptop over, save or import an invitation, open the result. */
export function SessionActions({ session }: { session: SessionSummary }) {
  const [handing, setHanding] = useState(false);
  const mayRun = useMayCall('sessions.handOver');
  if (session.status === 'finished') return session.resultId ? <Link href={`~/assessments/${session.resultId}/profile`}>Profile</Link> : <span className="muted">Stored</span>;
  if (!mayRun) return <span className="muted">{session.status === 'paused' ? 'Paused' : 'Waiting'}</span>;
  if (session.mode === 'remote') return <InvitationActions session={session} />;
  return (
    <>
      <button type="button" onClick={() => setHanding(true)}>
        {session.status === 'paused' ? 'Resume in the kiosk' : 'Hand over'}
      </button>
      {handing && <HandOverDialog session={session} onClose={() => setHanding(false)} />}
    </>
  );
}

function HandOverDialog({ session, onClose }: { session: SessionSummary; onClose(): void }) {
  const [code, setCode] = useState('');
  const [repeat, setRepeat] = useState('');
  const handOver = useApiMutation('sessions.handOver', ['sessions.'], { onSuccess: onClose, onError: (e) => toast.error(e.message) });
  return (
    <Dialog title={`Hand the laptop to ${session.personName ?? 'the crew member'}`} onClose={onClose}>
      <form
        aria-label="Hand over"
        onSubmit={(event) => {
          event.preventDefault();
          handOver.mutate({ sessionId: session.id, exitCode: code });
        }}
      >
        <p className="muted">
          {session.answered > 0 ? `${session.answered} of ${session.items} answered so far: the questionnaire goes on from the next one.` : 'The questionnaire starts with the choice of language.'}
        </p>
        <ExitCodeFields code={code} repeat={repeat} onCode={setCode} onRepeat={setRepeat} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!exitCodeReady(code, repeat) || handOver.isPending}>
            Hand over the laptop
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function InvitationActions({ session }: { session: SessionSummary }) {
  const input = useRef<HTMLInputElement>(null);
  const exporter = useApiMutation('invitations.export', [], {
    onSuccess: (file) => downloadText(file.fileName, file.html, 'text/html;charset=utf-8'),
    onError: (e) => toast.error(e.message),
  });
  const importer = useApiMutation('invitations.import', SCOPES, {
    onSuccess: (done) => toast.success(`Answers of ${done.personName ?? 'the invitation'} imported`),
    onError: (e) => toast.error(e.message),
  });
  return (
    <>
      <button type="button" onClick={() => exporter.mutate({ id: session.id })}>
        Save questionnaire file
      </button>
      <button type="button" onClick={() => input.current?.click()} disabled={importer.isPending}>
        Import answers…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={`Answers file of ${session.personName ?? 'this invitation'}`}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importer.mutate({ contentBase64: await fileToBase64(file), fileName: file.name, sessionId: session.id });
        }}
      />
    </>
  );
}
