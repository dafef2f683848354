import { describe, expect, it } from "vitest";
import { clientAddressOf } from "../../../lib/http/client-address";

const of = (headers: Record<string, string>) => clientAddressOf(new Headers(headers));

describe("clientAddressOf", () => {
  it("takes the first hop of X-Forwarded-For", () => {
    expect(of({ "x-forwarded-for": "203.0.113.9, 10.0.0.2, 10.0.0.3" })).toBe("203.0.113.9");
    expect(of({ "x-forwarded-for": " 2001:db8::1 " })).toBe("2001:db8::1");
  });

  it("falls back to X-Real-IP, then to null", () => {
    expect(of({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(of({ "x-forwarded-for": "not-an-ip", "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(of({})).toBeNull();
  });

  it("records an IPv4 peer of a dual-stack socket as IPv4", () => {
    expect(of({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(of({ "x-forwarded-for": "::ffff:7f00:1" })).toBe("::ffff:7f00:1");
  });

  it("drops a port some proxies add", () => {
    expect(of({ "x-forwarded-for": "192.0.2.1:5678" })).toBe("192.0.2.1");
    expect(of({ "x-forwarded-for": "[2001:db8::1]:443" })).toBe("2001:db8::1");
  });

  it("records nothing rather than free text that is not an address", () => {
    expect(of({ "x-forwarded-for": "<script>alert(1)</script>" })).toBeNull();
    expect(of({ "x-forwarded-for": "unknown" })).toBeNull();
    expect(of({ "x-real-ip": "1".repeat(100) })).toBeNull();
  });
});
