import { words } from '../../../../shared/words';

/** The exit code the operator sets when handing the laptop over, typed twice. */
export function ExitCodeFields({ code, repeat, onCode, onRepeat }: { code: string; repeat: string; onCode(value: string): void; onRepeat(value: string): void }) {
  const mismatch = repeat.length > 0 && code !== repeat;
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="exit-code-new">{words.fields.exitCode}</label>
        <input id="exit-code-new" type="password" autoComplete="new-password" value={code} onChange={(e) => onCode(e.target.value)} aria-describedby="exit-code-hint" />
        <span className="field-hint" id="exit-code-hint">
          At least 4 characters. You need it to leave or pause the kiosk; it is kept only in a form that cannot be read back.
        </span>
      </div>
      <div className="field">
        <label htmlFor="exit-code-repeat">Exit code again</label>
        <input id="exit-code-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} aria-invalid={mismatch} />
        {mismatch && <span className="field-error">The two codes differ.</span>}
      </div>
    </div>
  );
}

export const exitCodeReady = (code: string, repeat: string) => code.length >= 4 && code === repeat;
