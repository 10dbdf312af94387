import { describe, expect, it } from "vitest";
import { badDates, filterCount, fromFilters, normaliseDate, toFilters } from "./search-filters";

describe("search filter form values", () => {
  it("drops blank fields, trims text and normalises dates", () => {
    expect(toFilters({ format: [], issuer: " 市政府 ", docNumber: "  ", dateFrom: "", dateTo: "2024/5/1" })).toEqual({ issuer: "市政府", dateTo: "2024-05-01" });
    expect(toFilters({ format: ["pdf"], docNumber: "〔2024〕12号", dateFrom: "2024年1月2日" })).toEqual({ format: ["pdf"], docNumber: "〔2024〕12号", dateFrom: "2024-01-02" });
    expect(toFilters({})).toEqual({});
  });

  it("accepts real dates only", () => {
    expect(normaliseDate("2024-05-20")).toBe("2024-05-20");
    expect(normaliseDate(" 2024.5.2 ")).toBe("2024-05-02");
    expect(normaliseDate("")).toBe("");
    expect(normaliseDate(undefined)).toBe("");
    expect(normaliseDate("2024-02-30")).toBeNull();
    expect(normaliseDate("2024")).toBeNull();
    expect(normaliseDate("五月")).toBeNull();
    expect(badDates({ dateFrom: "2024-13-01", dateTo: "2024-12-31" })).toEqual(["dateFrom"]);
    expect(toFilters({ dateFrom: "2024-13-01" })).toEqual({});
  });

  it("round-trips filters through the form and counts them", () => {
    const f = { format: ["pdf" as const, "ofd" as const], issuer: "市政府", dateFrom: "2024-01-01" };
    expect(toFilters(fromFilters(f))).toEqual(f);
    expect(filterCount(f)).toBe(3);
    expect(filterCount({})).toBe(0);
    expect(filterCount(undefined)).toBe(0);
    expect(filterCount(toFilters(fromFilters(undefined)))).toBe(0);
  });
});
