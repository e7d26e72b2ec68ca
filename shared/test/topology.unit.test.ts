// The topology (who sends and who receives what) describes the same system as the schemas and topics.
import {
  Applications,
  ConsumerGroups,
  EventCatalog,
  unhandledTypes,
  type Application,
  type EventType,
} from '@saga/shared';

const applications: readonly Application[] = Object.values(Applications);
const allTypes = Object.keys(EventCatalog) as EventType[];
const producersOf = (type: EventType) => applications.filter((app) => app.produces.includes(type));
const consumersOf = (type: EventType) => applications.filter((app) => app.consumes.includes(type));

describe('topology', () => {
  it('gives every event type in the schemas exactly one producer', () => {
    for (const type of allTypes) {
      expect({ type, producers: producersOf(type).map((app) => app.service) }).toEqual({
        type,
        producers: [expect.any(String)],
      });
    }
  });

  it('gives every event type at least one consumer, so nothing is written for nobody', () => {
    const unread = allTypes.filter((type) => consumersOf(type).length === 0);

    expect(unread).toEqual([]);
  });

  it('never has a service consume what it produces itself', () => {
    for (const app of applications.filter((app) => app.service !== Applications.gateway.service)) {
      const own = app.consumes.filter((type) => app.produces.includes(type));
      expect({ service: app.service, own }).toEqual({ service: app.service, own: [] });
    }
  });

  it('gives every consumer group exactly one application', () => {
    expect(applications.map((app) => app.groupId).sort()).toEqual(Object.values(ConsumerGroups).sort());
  });
});

describe('unhandledTypes', () => {
  it('names the declared types no handler was registered for, in declared order', () => {
    expect(unhandledTypes(['OrderPlaced', 'OrderCancelled', 'OrderConfirmed'], ['OrderCancelled'])).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
    ]);
  });

  it('is empty when every declared type has a handler', () => {
    expect(unhandledTypes(['OrderPlaced'], ['OrderPlaced'])).toEqual([]);
  });
});
