// One query text for both engines: `?` and `@name` become node-postgres' `$n`, string literals are left
// alone, and a name used twice binds one parameter.
import { positional } from '../src/store/postgres-params';

describe('query parameters for PostgreSQL', () => {
  it('numbers positional parameters in order', () => {
    expect(positional('SELECT * FROM t WHERE a = ? AND b < ? LIMIT ?', [1, 2, 3])).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b < $2 LIMIT $3',
      values: [1, 2, 3],
    });
  });

  it('binds named parameters by name, once per name, and leaves literals and casts alone', () => {
    const sql = "INSERT INTO t (a, b, c) VALUES (@a, @b, '?@x') ON CONFLICT (a) DO UPDATE SET b = @b, c = @c::json";
    expect(positional(sql, { b: 'B', a: 'A' })).toEqual({
      text: "INSERT INTO t (a, b, c) VALUES ($1, $2, '?@x') ON CONFLICT (a) DO UPDATE SET b = $2, c = $3::json",
      values: ['A', 'B', null], // @c not given: NULL
    });
  });
});
