/**
 * Archive or Restore, whichever applies. Archiving answers with an Undo toast (useArchiveWithUndo), so the
 * button itself asks no confirmation.
 */
export function ArchiveToggle({
  archived,
  onArchive,
  onRestore,
  prominentRestore = false,
}: {
  archived: boolean;
  onArchive: () => void;
  onRestore: () => void;
  /** On a record's own page Restore is the main action left; in a table row it is one among others. */
  prominentRestore?: boolean;
}) {
  return archived ? (
    <button type="button" className={prominentRestore ? 'primary' : undefined} onClick={onRestore}>
      Restore
    </button>
  ) : (
    <button type="button" className="danger" onClick={onArchive}>
      Archive
    </button>
  );
}
