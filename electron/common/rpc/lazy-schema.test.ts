import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call, job } from "./define";
import { lazySchema } from "./lazy-schema";

describe("lazySchema", () => {
  it("builds its schema on the first parse, once, and validates as the schema does", () => {
    let builds = 0;
    const Item = lazySchema(() => {
      builds++;
      return z.object({ id: z.number().int(), tags: z.array(z.string()).optional() }).strict();
    });
    const List = lazySchema(() => z.array(Item));
    expect(builds).toBe(0);
    expect(List.parse([{ id: 1 }, { id: 2, tags: ["a"] }])).toEqual([{ id: 1 }, { id: 2, tags: ["a"] }]);
    expect(Item.safeParse({ id: 1.5 }).success).toBe(false);
    expect(Item.safeParse({ id: 1, extra: true }).success).toBe(false);
    expect(Item.unwrap()).toBe(Item.unwrap());
    expect(builds).toBe(1);
  });

  it("keeps an optional or defaulted field optional inside an object", () => {
    const Flag = lazySchema(() => z.boolean().default(false));
    const Options = z.object({ flag: Flag, note: lazySchema(() => z.string().optional()) }).strict();
    expect(Options.parse({})).toEqual({ flag: false });
  });
});

describe("call and job", () => {
  it("take schemas or functions that build them, built when the method's schema is first read", () => {
    let builds = 0;
    const Input = () => {
      builds++;
      return z.object({ name: z.string().min(1) }).strict();
    };
    const def = call("Test", Input, z.object({ ok: z.boolean() }));
    const running = job("Test job", Input, () => z.number());
    expect(builds).toBe(0);
    expect(def.input.safeParse({ name: "" }).success).toBe(false);
    expect(def.input).toBe(def.input);
    expect(def.output.parse({ ok: true })).toEqual({ ok: true });
    expect(running.output.parse(3)).toBe(3);
    expect(builds).toBe(1);
  });
});
