/**
 * What Access does to a user's session when their identity (groups) changes in Okta. The values are
 * the API's, which the config file also uses.
 */
export enum IdentityUpdateBehavior {
  /** Update the user's identity in Access. */
  AUTOMATIC = "automatic",
  /** "Enable group membership change reauthentication": revoke the user's active sessions. */
  REAUTH = "reauth",
  /** Do nothing. */
  NO_ACTION = "no_action",
}
