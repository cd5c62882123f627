import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { crewList } from './crew-list';
import { exportPeopleCsv, importPeople, previewPeopleImport } from './csv';
import { photoDataUrl, setPhoto } from './photo';
import { archivePerson, createPerson, personDetail, restorePerson, updatePerson } from './service';

type PeopleMethods =
  | 'people.list'
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.archive'
  | 'people.restore'
  | 'people.setPhoto'
  | 'people.photo'
  | 'people.importPreview'
  | 'people.import'
  | 'people.exportCsv';

export function peopleHandlers(ctx: ServiceContext): HandlerGroup<PeopleMethods> {
  return {
    'people.list': (query) => crewList(ctx.sqlite(), { ...query, asOf: query.asOf ?? todayIsoDate() }),
    'people.get': ({ id, asOf }) => personDetail(ctx, id, asOf ?? todayIsoDate()),
    'people.create': (input) => createPerson(ctx, input),
    'people.update': (input) => updatePerson(ctx, input),
    'people.archive': ({ id }) => archivePerson(ctx, id),
    'people.restore': ({ id }) => restorePerson(ctx, id),
    'people.setPhoto': ({ id, contentBase64 }) => setPhoto(ctx, id, contentBase64),
    'people.photo': ({ id }) => photoDataUrl(ctx, id),
    'people.importPreview': ({ contentBase64 }, { task }) => previewPeopleImport(ctx, contentBase64, task),
    'people.import': async ({ contentBase64 }, { task }) => {
      const result = await importPeople(ctx, contentBase64, task);
      // Every open window (and the crew list behind the dialog) refetches.
      if (result.imported > 0) ctx.events.emit('data.changed', { scopes: ['people.', 'vessels.'] });
      return result;
    },
    'people.exportCsv': ({ archived }) => exportPeopleCsv(ctx, archived),
  };
}
