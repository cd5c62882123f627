import { toast } from 'sonner';
import { Link } from 'wouter';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';

/**
 * On a person's profile: people who may be the same person (docs/recruitment.md#duplicates), each with a merge
 * that keeps every record of both under this one.
 */
export function DuplicatesNotice({ personId }: { personId: string }) {
  const near = useApiQuery('people.duplicates', { personId });
  const merge = useApiMutation('people.merge', ['people.', 'applications.', 'requisitions.', 'documents.', 'assessments.', 'vessels.'], {
    onSuccess: (r) => toast.success(`Merged into ${r.person.givenNames} ${r.person.surname}: every record of both is kept`),
    onError: (e) => toast.error(e.message),
  });
  if (!near.data || near.data.length === 0) return null;
  return (
    <div className="notice warn" role="alert">
      {near.data.map((d) => (
        <p key={d.otherId}>
          May be the same person as <Link href={`/${d.otherId}`}>{d.otherName}</Link> (born {formatDate(d.otherDateOfBirth)}): {d.reasons.join('; ')}.{' '}
          <button type="button" onClick={() => merge.mutate({ keepId: personId, mergeId: d.otherId })} disabled={merge.isPending}>
            Merge {d.otherName} into this record
          </button>
        </p>
      ))}
    </div>
  );
}
