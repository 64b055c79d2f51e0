/**
 * A self-hosted application's domain: a hostname, optionally with a path (`acme.example/wiki`), no
 * scheme or port. `*` may stand in the first label, as Access allows wildcard subdomains. Lowercase
 * only, so the plan matches what Cloudflare stores.
 */
export function isAccessDomain(value: string): boolean {
  const [host, ...path] = value.split("/");
  const labels = host.split(".");
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  const firstLabel = /^(?=.{1,63}$)[a-z0-9*](?:[a-z0-9*-]*[a-z0-9*])?$/;
  return (
    host.length <= 253 &&
    labels.length >= 2 &&
    firstLabel.test(labels[0]) &&
    labels.slice(1).every((l) => label.test(l)) &&
    /^[^\s?#]*$/.test(path.join("/"))
  );
}
