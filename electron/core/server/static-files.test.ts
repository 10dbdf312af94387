import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./static-files";

describe("acceptsGzip", () => {
  it("accepts what browsers send, and gzip named with a non-zero weight", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip(["deflate", "gzip"])).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
  });

  it("refuses no header, other codings only, gzip at q=0, and gzip refused by name beside *", () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
  });
});
