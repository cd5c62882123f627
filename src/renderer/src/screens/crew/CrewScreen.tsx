import { Route, Switch } from 'wouter';
import { CrewList } from './CrewList';
import { PersonProfile } from './PersonProfile';

/** Crew: the list at /crew, a person at /crew/:id. */
export function CrewScreen() {
  return (
    <Switch>
      <Route path="/:id">{(params) => <PersonProfile id={params.id} />}</Route>
      <Route>
        <CrewList />
      </Route>
    </Switch>
  );
}
