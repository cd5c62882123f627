import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import type { AssignmentHistoryItem } from '../../../../shared/api';
import { countryName } from '../../../../shared/domain/countries';
import { initials } from '../../../../shared/domain/text';
import { useArchiveWithUndo } from '../../api/archive';
import { HistoryButton } from '../audit/AuditHistory';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { PersonDocuments } from '../../components/documents/PersonDocuments';
import { StatusBadge } from '../../components/StatusBadge';
import { fileToBase64 } from '../../files';
import { AssignmentEditForm } from '../../forms/AssignmentEditForm';
import { AssignmentForm } from '../../forms/AssignmentForm';
import { PersonForm } from '../../forms/PersonForm';
import { formatDate } from '../../format';
import { PersonAssessments } from '../assessments/PersonAssessments';
import { AssignmentHistory } from './AssignmentHistory';
import { PersonFitRecords } from '../../components/fit/PersonFitRecords';
import { CvCard } from '../recruitment/CvCard';
import { DuplicatesNotice } from '../recruitment/DuplicatesNotice';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/session';
import { SharedInNotice, SharingCard, useSharedIn } from '../../components/sync/CandidateSharing';


function Photo({ personId, hasPhoto, name, initialsOf, editable }: { personId: string; hasPhoto: boolean; name: string; initialsOf: string; editable: boolean }) {
  const photo = useApiQuery('people.photo', { id: personId }, { enabled: hasPhoto });
  const input = useRef<HTMLInputElement>(null);
  const setPhoto = useApiMutation('people.setPhoto', ['people.'], {
    onSuccess: (person) => toast.success(person.photoHash ? 'Photo saved' : 'Photo removed'),
    onError: (error) => toast.error(error.message),
  });
  return (
    <div className="photo">
      {hasPhoto && photo.data?.dataUrl ? <img src={photo.data.dataUrl} alt={`Photo of ${name}`} /> : <div className="photo-empty" aria-hidden>
          {initialsOf}
        </div>}
      {editable && (
        <div className="photo-actions">
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            id="photo-input"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setPhoto.mutate({ id: personId, contentBase64: await fileToBase64(file) });
              event.target.value = '';
            }}
          />
          <button type="button" onClick={() => input.current?.click()} disabled={setPhoto.isPending}>
            {hasPhoto ? 'Change photo' : 'Add photo'}
          </button>
          {hasPhoto && (
            <button type="button" className="link" onClick={() => setPhoto.mutate({ id: personId, contentBase64: null })}>
              Remove
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A person: details, photo, status, assignment history, and assigning them to a position. */
export function PersonProfile({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const detail = useApiQuery('people.get', { id });
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [editingAssignment, setEditingAssignment] = useState<AssignmentHistoryItem | null>(null);
  const people = useArchiveWithUndo('people');
  const mayWrite = useCan('fleet.write');
  const mayWriteCv = useCan('recruitment.write');
  // A candidate another organisation shared is theirs to change: read-only here (docs/sync.md#sharing).
  const sharedIn = useSharedIn(id);

  if (detail.isPending) return <p className="page muted">Loading…</p>;
  if (detail.isError)
    return (
      <section className="page">
        <p className="notice bad">{detail.error.message}</p>
        <Link href="/">Back to the crew list</Link>
      </section>
    );
  const { person, status, placement, assignments: history } = detail.data;
  const name = `${person.givenNames} ${person.surname}`;
  const archived = person.archivedAt !== null;
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Crew
          </Link>
          <h1>
            {name} <StatusBadge status={status} />
          </h1>
          {placement && (
            <p className="muted">
              {status === 'joining' ? 'Joins' : 'On'} <Link href={`~/vessels/${placement.vesselId}`}>{placement.vesselName}</Link> as {placement.positionTitle}
              {status === 'joining' ? ` on ${formatDate(placement.startDate)}` : ''}
            </p>
          )}
        </div>
        <Can need="fleet.write">
          {archived ? (
            <button type="button" className="primary" onClick={() => people.restore(person.id, name)}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" className="primary" onClick={() => setAssigning(true)}>
                Assign to a position
              </button>
              {!sharedIn && (
                <>
                  <button type="button" onClick={() => setEditing(true)}>
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => people.archive(person.id, name, () => navigate('/'))}>
                    Archive
                  </button>
                </>
              )}
            </>
          )}
        </Can>
        <HistoryButton table="people" rowId={person.id} title={`History of ${name}`} />
      </header>
      {sharedIn && <SharedInNotice share={sharedIn} />}
      {!archived && <DuplicatesNotice personId={person.id} />}
      <div className="card profile">
        <Photo personId={person.id} hasPhoto={person.photoHash !== null} name={name} initialsOf={initials(person.givenNames, person.surname)} editable={!archived && mayWrite && !sharedIn} />
        <dl className="facts">
          <dt>Date of birth</dt>
          <dd>{formatDate(person.dateOfBirth)}</dd>
          <dt>Nationalities</dt>
          <dd>{person.nationalities.map(countryName).join(', ') || '—'}</dd>
          <dt>Languages</dt>
          <dd>{person.languages.join(', ') || '—'}</dd>
          <dt>E-mail</dt>
          <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : '—'}</dd>
          <dt>Phone</dt>
          <dd>{person.phone ?? '—'}</dd>
          <dt>Emergency contact</dt>
          <dd>
            {person.emergencyContactName
              ? `${person.emergencyContactName}${person.emergencyContactRelation ? ` (${person.emergencyContactRelation})` : ''}${person.emergencyContactPhone ? `, ${person.emergencyContactPhone}` : ''}`
              : '—'}
          </dd>
        </dl>
      </div>
      <CvCard personId={person.id} languages={person.languages} editable={!archived && mayWriteCv && !sharedIn} />
      {!archived && !sharedIn && <SharingCard personId={person.id} name={name} />}
      <div className="card">
        <h2>Assignment history</h2>
        {history.length === 0 ? (
          <p className="muted">{archived ? 'No assignments.' : 'Not assigned yet. Use "Assign to a position" to place them on a vessel.'}</p>
        ) : (
          <AssignmentHistory history={history} archived={archived} onEdit={setEditingAssignment} />
        )}
      </div>
      <PersonDocuments personId={person.id} archived={archived} />
      <PersonAssessments personId={person.id} />
      <PersonFitRecords personId={person.id} editable={!archived} />
      {editing && <PersonForm person={person} onClose={() => setEditing(false)} />}
      {editingAssignment && <AssignmentEditForm assignment={editingAssignment} onClose={() => setEditingAssignment(null)} />}
      {assigning && <AssignmentForm personId={person.id} personName={name} dateOfBirth={person.dateOfBirth} onClose={() => setAssigning(false)} />}
    </section>
  );
}
