// Shared query text, PostgreSQL's parameters: stores write `?` (positional) or `@name` (named, as
// better-sqlite3 binds an object), and node-postgres wants `$1`, `$2`… The rewrite of each text is
// computed once and kept, since stores run a few statements very often.

interface Rewritten {
  text: string;
  /** For named parameters, the name bound to each `$n`; undefined for positional ones. */
  names: string[] | undefined;
}

const rewrites = new Map<string, Rewritten>();

/** `sql` with `$n` parameters, and `params` as the array in their order. */
export function positional(
  sql: string,
  params: readonly unknown[] | Record<string, unknown>,
): {
  text: string;
  values: unknown[];
} {
  let rewritten = rewrites.get(sql);
  if (!rewritten) {
    rewritten = rewrite(sql);
    rewrites.set(sql, rewritten);
  }
  const { text, names } = rewritten;
  if (!names) return { text, values: Array.isArray(params) ? [...params] : [] };
  const named = params as Record<string, unknown>;
  return { text, values: names.map((name) => named[name] ?? null) };
}

function rewrite(sql: string): Rewritten {
  let text = '';
  let count = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!;
    if (char === "'") {
      // A string literal is copied as it is ('' inside it is an escaped quote, handled by the loop).
      const end = sql.indexOf("'", i + 1);
      const stop = end === -1 ? sql.length : end;
      text += sql.slice(i, stop + 1);
      i = stop;
    } else if (char === '?') {
      text += `$${++count}`;
    } else if (char === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      text += `$${index + 1}`;
      i += name.length;
    } else {
      text += char;
    }
  }
  return { text, names: names.length > 0 ? names : undefined };
}
