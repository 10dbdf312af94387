import { describe, expect, it } from "vitest";
import { serveRpcUrl } from "./serve-url";

describe("serveRpcUrl", () => {
  it("uses the page host and passes the token on", () => {
    expect(serveRpcUrl({ protocol: "http:", host: "127.0.0.1:4567", search: "?token=a+b/c" })).toBe(
      "ws://127.0.0.1:4567/rpc?token=a%20b%2Fc",
    );
  });

  it("relies on the cookie when there is no token", () => {
    expect(serveRpcUrl({ protocol: "http:", host: "[::1]:80", search: "" })).toBe("ws://[::1]:80/rpc");
  });

  it("follows a secure page to wss", () => {
    expect(serveRpcUrl({ protocol: "https:", host: "localhost:1", search: "?x=1&token=t" })).toBe("wss://localhost:1/rpc?token=t");
  });
});
