import { z } from "zod";

/**
 * A schema built the first time something parses with it (or reads it), not
 * when its module loads (issue 15, start-up). A zod schema costs about 10 µs
 * to construct and a contract has some two thousand of them: built eagerly,
 * they took ~90 ms of the core thread's start (their garbage included) and
 * ~40 ms of the page's, where a session uses a few dozen methods. `unwrap()` gives the built schema,
 * always the same instance (zod's own `unwrap` of a lazy would build it again).
 *
 * Contract modules wrap their composite schemas (objects, unions, arrays) in
 * this; enums and primitives stay plain, as they cost one object each and
 * their `.options` are read as data.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let built: T | undefined;
  return z.lazy(() => (built ??= build()));
}
