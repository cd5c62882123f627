import type { AttentionItem, CertificateState, ComplianceRow } from '../../shared/api/document-records';

/**
 * The compliance matrix's summary: every required certificate that is not simply valid, worst first. Worst is a
 * certificate that is not valid today (expired, then missing), then one that lapses during the planned tour (a
 * problem today, not on its expiry date: docs/domain.md#certificate-register-and-compliance-matrix), then the
 * 30/60/90-day warnings, then one a reviewer has not yet decided. Within a state the soonest expiry comes first,
 * then the person's name.
 */
export const ATTENTION_ORDER: readonly CertificateState[] = ['expired', 'missing', 'expires_during_tour', 'expires_30', 'expires_60', 'expires_90', 'in_review'];

export function needingAttention(rows: readonly ComplianceRow[]): AttentionItem[] {
  const items = rows.flatMap((row) =>
    row.cells
      .filter((cell) => cell.required && cell.state !== 'valid')
      .map((cell) => ({
        personId: row.personId,
        personName: row.personName,
        positionTitle: row.positionTitle,
        kind: cell.kind,
        state: cell.state,
        expiresOn: cell.expiresOn,
        documentId: cell.documentId,
      })),
  );
  const rank = (state: CertificateState) => ATTENTION_ORDER.indexOf(state);
  return items.sort(
    (a, b) => rank(a.state) - rank(b.state) || (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999') || a.personName.localeCompare(b.personName) || a.kind.localeCompare(b.kind),
  );
}
