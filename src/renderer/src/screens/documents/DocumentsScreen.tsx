import { Route, Switch } from 'wouter';
import { DocumentDetail } from './DocumentDetail';
import { ReviewQueue } from './ReviewQueue';

/** Documents: the review queue at /documents, one document at /documents/:id. */
export function DocumentsScreen() {
  return (
    <Switch>
      <Route path="/:id">{(params) => <DocumentDetail id={params.id} />}</Route>
      <Route>
        <ReviewQueue />
      </Route>
    </Switch>
  );
}
