import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { exportCrewCsv } from './crew-csv';
import { archivePosition, createPosition, restorePosition, updatePosition } from './positions';
import { archiveVessel, createVessel, listVessels, restoreVessel, updateVessel, vesselDetail } from './service';

type VesselMethods =
  | 'vessels.list'
  | 'vessels.get'
  | 'vessels.create'
  | 'vessels.update'
  | 'vessels.archive'
  | 'vessels.restore'
  | 'vessels.exportCrew'
  | 'positions.create'
  | 'positions.update'
  | 'positions.archive'
  | 'positions.restore';

export function vesselHandlers(ctx: ServiceContext): HandlerGroup<VesselMethods> {
  return {
    'vessels.list': ({ archived, asOf }) => listVessels(ctx, archived, asOf ?? todayIsoDate()),
    'vessels.get': ({ id, asOf }) => vesselDetail(ctx, id, asOf ?? todayIsoDate()),
    'vessels.create': (input) => createVessel(ctx, input),
    'vessels.update': (input) => updateVessel(ctx, input),
    'vessels.archive': ({ id }) => archiveVessel(ctx, id),
    'vessels.restore': ({ id }) => restoreVessel(ctx, id),
    'vessels.exportCrew': ({ id, asOf }) => exportCrewCsv(ctx, id, asOf ?? todayIsoDate()),
    'positions.create': (input) => createPosition(ctx, input),
    'positions.update': (input) => updatePosition(ctx, input),
    'positions.archive': ({ id }) => archivePosition(ctx, id),
    'positions.restore': ({ id }) => restorePosition(ctx, id),
  };
}
