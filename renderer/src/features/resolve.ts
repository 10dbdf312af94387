/**
 * The entry for `id`, or the first entry when `id` is null or names a
 * screen that is not registered (e.g. a planned one not built yet).
 */
export function pickFeature<T extends { id: string }>(list: readonly T[], id: string | null): T {
  const first = list[0];
  if (!first) throw new Error("no screens registered");
  return list.find((f) => f.id === id) ?? first;
}
