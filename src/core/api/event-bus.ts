import type { EventName, EventPayload } from '../../shared/api';

type Listener = (event: EventName, payload: unknown) => void;

/** Fan-out of core events to every transport (IPC windows, SSE clients, CLI progress bars). */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
