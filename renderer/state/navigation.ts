/** Which screen is showing. Screens that belong to one session carry its id. */
export type Route =
  | { screen: 'library' }
  | { screen: 'import'; sessionId?: string }
  | { screen: 'progress' }
  | { screen: 'roles'; sessionId: string }
  /** `message`: what brought the clinician here, said once at the top (a package taken in). */
  | { screen: 'review'; sessionId: string; message?: string }
  | { screen: 'backups' }
  | { screen: 'audit' }
  | { screen: 'settings' };

export type Navigate = (route: Route) => void;
