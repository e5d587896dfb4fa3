/**
 * An empty record without a prototype, for values keyed by names that come from data (indicator
 * names, organization types, categories). On a plain `{}`, assigning `record['__proto__']`
 * replaces the prototype instead of adding a key, and `record['toString']` finds a function
 * before any value was set; on this record every name is an ordinary key.
 *
 * @returns an empty object with a null prototype, typed as a record
 * @example
 * ```ts
 * const byType = createRecord<number>();
 * byType.__proto__ = 2; // an own key, listed by Object.keys
 * byType.toString; // undefined
 * ```
 */
export function createRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
