/**
 * The value a record holds under `key` itself, or undefined: never one inherited from
 * `Object.prototype`. Names that come from data (a category `toString`, an organization type
 * `constructor`, a property `__proto__`) must be looked up this way, since `record[name]` finds
 * `Object.prototype.toString` for a name the record does not have.
 *
 * @param record - an object keyed by names (parsed JSON properties, per-name columns)
 * @param key - the name looked up
 * @returns the own value, or undefined when the record has no own property `key`
 * @example
 * ```ts
 * getOwn({ ROBBERY: 3 }, 'ROBBERY'); // 3
 * getOwn({ ROBBERY: 3 }, 'toString'); // undefined (plain `[key]` gives a function)
 * ```
 */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
