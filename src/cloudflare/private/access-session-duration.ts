/** The cloudflare provider's own session_duration check (5.14, zero_trust_access_application): a Go duration. */
const durationPattern =
  /^(?:0|[-+]?(\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)(?:(\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))*)$/;

/** True when Cloudflare Access accepts `value` as a session duration, e.g. `24h`, `30m`, `2h45m`. */
export function isAccessSessionDuration(value: string): boolean {
  return durationPattern.test(value);
}
