import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import { useLocation } from 'wouter';
import type { Application } from '../../../../shared/api';
import { APPLICATION_MACHINE, canMove, EXIT_STAGES, FORWARD_STAGES, type ApplicationStage } from '../../../../shared/recruitment/pipeline';
import { useApiMutation } from '../../api/hooks';
import { MoveDialog, needsDialog } from './MoveDialog';

const COLUMNS = [...FORWARD_STAGES, 'out'] as const;
type Column = (typeof COLUMNS)[number];
const columnOf = (stage: ApplicationStage): Column => ((EXIT_STAGES as readonly string[]).includes(stage) ? 'out' : (stage as Column));

/** The next stage forward from where a candidate stands (the one the right arrow moves them to). */
const nextStage = (stage: ApplicationStage): ApplicationStage | null => APPLICATION_MACHINE.moves[stage].find((s) => (FORWARD_STAGES as readonly string[]).includes(s)) ?? null;

/**
 * Candidates in columns by stage. A card is dragged to another column, or moved from the keyboard: focus it, the
 * right arrow moves it one stage on, Delete takes it out (rejected, with a reason), Enter opens it. Only moves
 * the pipeline allows are made; the core says why when one is refused.
 */
export function PipelineBoard({ applications }: { applications: Application[] }) {
  const [, navigate] = useLocation();
  const [pending, setPending] = useState<{ application: Application; to: ApplicationStage } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const move = useApiMutation('applications.move', ['applications.', 'requisitions.', 'notifications.'], {
    onSuccess: (a) => toast.success(`${a.personName}: ${words.applicationStages[a.stage]}`),
    onError: (e) => toast.error(e.message),
  });

  // The card keeps the focus when it lands in its new column.
  useEffect(() => {
    if (focusId) document.querySelector<HTMLElement>(`[data-application="${focusId}"]`)?.focus();
  }, [applications, focusId]);

  function moveTo(a: Application, to: ApplicationStage) {
    if (a.stage === to) return;
    if (!canMove(APPLICATION_MACHINE, a.stage, to)) {
      const allowed = APPLICATION_MACHINE.moves[a.stage].map((s) => words.applicationStages[s]).join(', ');
      toast.error(allowed ? `${a.personName} cannot go from ${words.applicationStages[a.stage]} to ${words.applicationStages[to]}; from there: ${allowed}` : `${a.personName} is ${words.applicationStages[a.stage]}: that is final`);
      return;
    }
    setFocusId(a.id);
    if (needsDialog(to)) setPending({ application: a, to });
    else move.mutate({ id: a.id, stage: to });
  }

  function onKey(event: KeyboardEvent, a: Application) {
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      const next = nextStage(a.stage);
      if (next) moveTo(a, next);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      moveTo(a, 'rejected');
    } else if (event.key === 'Enter') {
      navigate(`/application/${a.id}`);
    }
  }

  function onDrop(event: DragEvent, column: Column) {
    event.preventDefault();
    const a = applications.find((x) => x.id === event.dataTransfer.getData('text/plain'));
    if (a) moveTo(a, column === 'out' ? 'rejected' : column);
  }

  return (
    <div className="board" aria-label="Candidates by stage">
      <p className="muted board-help">Drag a card to another column, or focus it and press → for the next stage, Delete to reject, Enter to open.</p>
      <div className="board-columns">
        {COLUMNS.map((column) => {
          const cards = applications.filter((a) => columnOf(a.stage) === column);
          const title = column === 'out' ? 'Rejected or withdrawn' : words.applicationStages[column];
          return (
            <section key={column} className="board-column" aria-label={title} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, column)}>
              <h3>
                {title} <span className="badge">{cards.length}</span>
              </h3>
              {cards.map((a) => (
                <div
                  key={a.id}
                  className="board-card"
                  tabIndex={0}
                  role="button"
                  draggable
                  data-application={a.id}
                  aria-label={`${a.personName}, ${words.applicationStages[a.stage]}`}
                  onDragStart={(e) => e.dataTransfer.setData('text/plain', a.id)}
                  onKeyDown={(e) => onKey(e, a)}
                  onDoubleClick={() => navigate(`/application/${a.id}`)}
                >
                  <strong>{a.personName}</strong>
                  <span className="muted">
                    {a.requisitionTitle} · {a.agency ?? a.source}
                  </span>
                  {a.exitReason && <span className="muted">{words.applicationStages[a.stage]}: {a.exitReason}</span>}
                </div>
              ))}
            </section>
          );
        })}
      </div>
      {pending && <MoveDialog application={pending.application} to={pending.to} onClose={() => setPending(null)} />}
    </div>
  );
}
