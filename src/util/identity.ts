/**
 * A number naming an object while it lives — a buffer, a profile — for keys of caches that must
 * tell apart arrays with equal numbers. New objects get new numbers, so a key is never reused.
 * @module
 */

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** The number naming `of` (the same for as long as it lives). */
export function identityOf(of: object): number {
  let id = identities.get(of);
  if (id === undefined) identities.set(of, id = nextIdentity++);
  return id;
}
