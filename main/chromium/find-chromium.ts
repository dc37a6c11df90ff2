/** Finds a Chromium-based browser to host the vision workers: the user's choice first, then the usual installs. */
import { existsSync } from 'node:fs';

const ENV_VARS = ['ATTUNE_CHROMIUM_PATH', 'CHROME_PATH'] as const;

export function usualChromiumPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [`${env.HOME}/Applications`] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  for (const name of ENV_VARS) {
    const chosen = env[name];
    if (!chosen) continue;
    // A path the user set but got wrong should say so, not be quietly replaced by another browser.
    if (!exists(chosen)) throw new Error(`${name} is set to "${chosen}", but no file is there.`);
    return chosen;
  }
  const found = usualChromiumPaths(platform, env).find((path) => exists(path));
  if (found) return found;
  throw new Error(
    'No Chromium-based browser found for face analysis: install Chromium or Google Chrome (Debian/Ubuntu: `sudo apt install chromium`), or set ATTUNE_CHROMIUM_PATH to its executable.',
  );
}
