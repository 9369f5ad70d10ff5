import { describe, expectTypeOf, it } from 'vitest';
import type { CallEvent, DocumentEvent, EventForBinding, EventSubscription, FaxStatusEvent, KazooEvent } from '../src/index';
import { createEvents } from '../src/index';
import { staticAuth } from './fixtures';

// Checked by `tsc` (the typecheck target); the test body only makes vitest count the file.
describe('events are typed by binding', () => {
  it('maps binding families to their event types', () => {
    expectTypeOf<EventForBinding<'call.CHANNEL_DESTROY.*'>>().toEqualTypeOf<CallEvent<'CHANNEL_DESTROY'>>();
    expectTypeOf<EventForBinding<'call.*.*'>>().toEqualTypeOf<CallEvent>();
    expectTypeOf<EventForBinding<'object.doc_edited.user'>>().toEqualTypeOf<DocumentEvent<'doc_edited'>>();
    expectTypeOf<EventForBinding<'fax.status.*'>>().toEqualTypeOf<FaxStatusEvent>();
    expectTypeOf<EventForBinding<'qubicle.session'>>().toEqualTypeOf<KazooEvent>();
  });

  it('subscribe infers the union of its bindings’ events', () => {
    const events = createEvents({ auth: staticAuth(), eventsUrl: 'ws://127.0.0.1:9' });
    const subscribe = () => events.subscribe(['call.CHANNEL_CREATE.*', 'object.doc_deleted.device']);
    expectTypeOf(subscribe).returns.toEqualTypeOf<EventSubscription<CallEvent<'CHANNEL_CREATE'> | DocumentEvent<'doc_deleted'>>>();
    events.close();
  });
});
