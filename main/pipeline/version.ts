import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
export const APP_NAME_AND_VERSION = `attune ${APP_VERSION}`;
