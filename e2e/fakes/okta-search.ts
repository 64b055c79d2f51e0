/**
 * Okta's `search` expressions as this project sends them (`profile.name eq "A" or profile.name eq
 * "B"`, optionally `and type eq "OKTA_GROUP"`): `eq` on a dotted attribute, `and` binding tighter
 * than `or`, no parentheses. Anything else is refused, as Okta answers 400 to what it cannot parse.
 */
export type Predicate = (attributes: (name: string) => unknown) => boolean;

const clause = /^\s*([A-Za-z][A-Za-z0-9_.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*/;

export function parseSearch(expression: string): Predicate {
  const ors: Array<Array<[string, string]>> = [[]];
  let rest = expression;
  for (;;) {
    const m = clause.exec(rest);
    if (!m) throw new Error(`Invalid search expression near: ${rest.slice(0, 40)}`);
    ors[ors.length - 1].push([m[1], JSON.parse(`"${m[2]}"`)]);
    rest = rest.slice(m[0].length);
    if (rest === "") break;
    const joint = /^(and|or)\s+/.exec(rest);
    if (!joint) throw new Error(`Invalid search expression near: ${rest.slice(0, 40)}`);
    if (joint[1] === "or") ors.push([]);
    rest = rest.slice(joint[0].length);
  }
  return (get) => ors.some((ands) => ands.every(([attr, value]) => get(attr) === value));
}
