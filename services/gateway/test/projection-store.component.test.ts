// The read model's store on SQLite files (projection.sqlite): the behaviour it shares with PostgreSQL
// (projection-store.int.test.ts), in projection-store.behaviour.ts.
import { sqliteEngine } from './engines';
import { describeProjectionStore } from './projection-store.behaviour';

describeProjectionStore(sqliteEngine());
