/** The Access group's name for an Okta group, so the dashboard shows where it comes from: `<login method name>: <Okta group>`. */
export function accessGroupName(loginMethodName: string, oktaGroup: string): string {
  return `${loginMethodName}: ${oktaGroup}`;
}
