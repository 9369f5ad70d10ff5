import type { LiveEvent } from './live-calls';

const VERBS: Readonly<Record<string, string>> = { doc_created: 'created', doc_edited: 'edited', doc_deleted: 'deleted' };
const KEEP = 50;

/**
 * The activity feed: one line per document change (`object.*.*` events), newest first, the last
 * fifty kept. `nameOf` may name the document later (a fetch); the id stands in until then.
 */
export class ActivityFeed {
  readonly #list: HTMLOListElement;
  readonly #nameOf: (type: string, id: string, action: string) => Promise<string | undefined>;

  constructor(list: HTMLOListElement, nameOf: (type: string, id: string, action: string) => Promise<string | undefined>) {
    this.#list = list;
    this.#nameOf = nameOf;
  }

  /** Adds the line of one document event. */
  add(event: LiveEvent, now = new Date()): void {
    const type = typeof event.data.type === 'string' ? event.data.type : 'document';
    const id = typeof event.data.id === 'string' ? event.data.id : '';
    const item = document.createElement('li');
    item.dataset.action = event.name;
    item.dataset.type = type;
    item.dataset.id = id;
    const time = document.createElement('time');
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString();
    const what = document.createElement('span');
    what.className = `verb ${event.name}`;
    what.textContent = `${type} ${VERBS[event.name] ?? event.name}`;
    const name = document.createElement('span');
    name.className = 'subject';
    name.textContent = id;
    item.append(time, what, name);
    this.#list.querySelector('.empty')?.remove();
    this.#list.prepend(item);
    while (this.#list.children.length > KEEP) this.#list.lastElementChild?.remove();
    void this.#nameOf(type, id, event.name).then(
      (found) => {
        if (found) name.textContent = found;
      },
      () => undefined,
    );
  }
}
