import { isAccessSessionDuration } from "../../../../src/cloudflare/private/access-session-duration";

describe("isAccessSessionDuration", () => {
  it.each(["24h", "30m", "2h45m", "300ms", "1.5h", "0", "90s", "10µs", "10us"])("accepts %s", (d) =>
    expect(isAccessSessionDuration(d)).toBe(true),
  );
  it.each(["24", "1d", "1 day", "h", "24H", ""])("rejects %s", (d) => expect(isAccessSessionDuration(d)).toBe(false));
});
