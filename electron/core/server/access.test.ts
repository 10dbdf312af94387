import { describe, expect, it } from "vitest";
import { checkAccess, cookieToken, isAllowedOrigin, isLoopbackHost, newToken, tokensEqual } from "./access";

describe("serve access rules", () => {
  it("makes long random tokens", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it("compares tokens exactly", () => {
    expect(tokensEqual("abc", "abc")).toBe(true);
    expect(tokensEqual("abc", "abd")).toBe(false);
    expect(tokensEqual("abc", "ab")).toBe(false);
    expect(tokensEqual("abc", null)).toBe(false);
  });

  it("accepts only loopback hosts on our port", () => {
    expect(isLoopbackHost("127.0.0.1:8080", 8080)).toBe(true);
    expect(isLoopbackHost("LOCALHOST:8080", 8080)).toBe(true);
    expect(isLoopbackHost("[::1]:8080", 8080)).toBe(true);
    expect(isLoopbackHost("127.0.0.1", 8080)).toBe(false);
    expect(isLoopbackHost("192.168.1.5:8080", 8080)).toBe(false);
    expect(isLoopbackHost("127.0.0.1.evil.com:8080", 8080)).toBe(false);
    expect(isLoopbackHost(undefined, 8080)).toBe(false);
  });

  it("allows a missing Origin (non-browser clients) but only our own origin otherwise", () => {
    expect(isAllowedOrigin(undefined, 80)).toBe(true);
    expect(isAllowedOrigin("http://127.0.0.1:80", 80)).toBe(true);
    expect(isAllowedOrigin("https://127.0.0.1:80", 80)).toBe(false);
    expect(isAllowedOrigin("null", 80)).toBe(false);
  });

  it("reads the token cookie among others", () => {
    expect(cookieToken("a=1; govdesk_token=xyz; b=2")).toBe("xyz");
    expect(cookieToken("a=1")).toBeNull();
  });

  it("combines host, origin and token", () => {
    const h = { host: "127.0.0.1:9" };
    expect(checkAccess({ url: "/?token=t", headers: h }, "t", 9)).toEqual({ ok: true, fromQuery: true });
    expect(checkAccess({ url: "/", headers: { ...h, cookie: "govdesk_token=t" } }, "t", 9)).toEqual({ ok: true, fromQuery: false });
    expect(checkAccess({ url: "/", headers: h }, "t", 9)).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess({ url: "/?token=t", headers: { host: "x:9" } }, "t", 9)).toMatchObject({ ok: false, status: 421 });
  });
});
