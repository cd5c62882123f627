import { StartWithVessels } from '../../components/StartWithVessels';

/** What recruitment needs first: a vessel with positions. */
export function NoPositions() {
  return (
    <StartWithVessels title="No positions yet">
      Requisitions are opened and candidates ranked for a vessel&apos;s positions: add a vessel and its positions first, or load the sample fleet.
    </StartWithVessels>
  );
}
