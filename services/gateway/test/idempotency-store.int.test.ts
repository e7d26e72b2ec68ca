// The Idempotency-Key store on PostgreSQL (DATABASE_URL): the behaviour idempotency.component.test.ts
// shows on SQLite, against a database of this file's own on the machine's server. Integration tier,
// not component: it needs a PostgreSQL server, which `make test-component` does not assume.
import { postgresEngine } from './engines';
import { describeIdempotencyStore } from './idempotency-store.behaviour';

describeIdempotencyStore(postgresEngine());
