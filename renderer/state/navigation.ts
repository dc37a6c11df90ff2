/** Which screen is showing. Screens that belong to one session carry its id. */
export type Route =
  | { screen: 'library' }
  | { screen: 'import'; sessionId?: string }
  | { screen: 'progress' }
  | { screen: 'roles'; sessionId: string }
  | { screen: 'review'; sessionId: string }
  | { screen: 'backups' }
  | { screen: 'audit' }
  | { screen: 'settings' };

export type Navigate = (route: Route) => void;
