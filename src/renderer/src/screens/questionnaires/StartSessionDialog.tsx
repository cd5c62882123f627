import { useState } from 'react';
import { toast } from 'sonner';
import { assessmentContexts, DEFAULT_INSTRUMENT_ID, type AssessmentContext } from '../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { downloadText } from '../../files';
import { ExitCodeFields, exitCodeReady } from './ExitCodeFields';
import { languageName } from '../../../../shared/domain/languages';
import { PersonPicker } from './PersonPicker';
import { words } from '../../../../shared/words';

/**
 * Start a questionnaire for a person: in the kiosk (hand the laptop over; leaving needs the exit code) or as an
 * invitation file that opens offline in any browser, for a candidate elsewhere.
 */
export function StartSessionDialog({ mode, onClose }: { mode: 'kiosk' | 'remote'; onClose(): void }) {
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [instrumentId, setInstrumentId] = useState(DEFAULT_INSTRUMENT_ID);
  const [context, setContext] = useState<AssessmentContext | null>(null);
  const [language, setLanguage] = useState('en');
  const [pageSize, setPageSize] = useState<1 | 10>(1);
  const [code, setCode] = useState('');
  const [repeat, setRepeat] = useState('');
  const [dueOn, setDueOn] = useState('');
  const instruments = useApiQuery('instruments.list', { archived: 'exclude' });
  const builtin = useApiQuery('psychometrics.instruments', {});
  const languages = builtin.data?.find((i) => i.id === instrumentId)?.languages ?? null;
  const start = useApiMutation('sessions.start', ['sessions.'], { onSuccess: onClose, onError: (e) => toast.error(e.message) });
  const exporter = useApiMutation('invitations.export', []);
  const invite = useApiMutation('invitations.create', ['sessions.'], {
    onSuccess: async (session) => {
      const file = await exporter.mutateAsync({ id: session.id });
      downloadText(file.fileName, file.html, 'text/html;charset=utf-8');
      toast.success(`Invitation for ${session.personName} saved as ${file.fileName}: send it to them.`);
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  const ready = person !== null && context !== null && (mode === 'remote' || exitCodeReady(code, repeat));
  const submit = () => {
    if (!person || !context) return;
    if (mode === 'kiosk') start.mutate({ personId: person.id, instrumentId, context, language, pageSize, exitCode: code });
    else invite.mutate({ personId: person.id, instrumentId, context, language, ...(dueOn ? { dueOn } : {}) });
  };
  return (
    <Dialog title={mode === 'kiosk' ? 'Start a questionnaire in the kiosk' : 'Invite by file'} onClose={onClose}>
      <form
        aria-label={mode === 'kiosk' ? 'Start in the kiosk' : 'Invite by file'}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="session-person">{words.fields.personId}</label>
          <PersonPicker id="session-person" value={person} onChange={setPerson} />
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="session-instrument">Questionnaire</label>
            <select id="session-instrument" value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
              {(instruments.data ?? []).map((i) => (
                <option key={i.key} value={i.key}>
                  {i.name} ({i.items} items)
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="session-language">{mode === 'kiosk' ? 'Language to start in' : 'Language'}</label>
            {languages ? (
              <select id="session-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)}
                  </option>
                ))}
              </select>
            ) : (
              <input id="session-language" value={language} onChange={(e) => setLanguage(e.target.value.trim())} placeholder="en" />
            )}
          </div>
          {mode === 'kiosk' ? (
            <div className="field">
              <label htmlFor="session-page">{words.fields.pageSize}</label>
              <select id="session-page" value={pageSize} onChange={(e) => setPageSize(Number(e.target.value) === 10 ? 10 : 1)}>
                <option value={1}>One statement</option>
                <option value={10}>A page of ten</option>
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="session-due">Answer by (optional)</label>
              <input id="session-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
            </div>
          )}
        </div>
        <fieldset className="field">
          <legend>Who answers?</legend>
          {assessmentContexts.map((c) => (
            <label key={c} className="check">
              <input type="radio" name="session-context" checked={context === c} onChange={() => setContext(c)} />
              {words.assessmentContexts[c]}
            </label>
          ))}
        </fieldset>
        {mode === 'kiosk' && (
          <>
            <p className="muted">The crew member can choose another language in the kiosk. Every answer is stored as it is given; the kiosk holds the screen until you enter the exit code.</p>
            <ExitCodeFields code={code} repeat={repeat} onCode={setCode} onRepeat={setRepeat} />
          </>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready || start.isPending || invite.isPending}>
            {mode === 'kiosk' ? 'Hand over the laptop' : 'Create and save the invitation file'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
