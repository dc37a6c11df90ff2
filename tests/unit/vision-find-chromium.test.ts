import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { findChromium, usualChromiumPaths } from '../../main/chromium/find-chromium.ts';

const only = (...present: string[]) => (path: string): boolean => present.includes(path);

describe('findChromium', () => {
  it('prefers ATTUNE_CHROMIUM_PATH, then CHROME_PATH, then the usual installs', () => {
    const env = { ATTUNE_CHROMIUM_PATH: '/opt/a/chrome', CHROME_PATH: '/opt/b/chrome' };
    assert.equal(findChromium(env, 'linux', only('/opt/a/chrome', '/opt/b/chrome', '/usr/bin/chromium')), '/opt/a/chrome');
    assert.equal(findChromium({ CHROME_PATH: '/opt/b/chrome' }, 'linux', only('/opt/b/chrome', '/usr/bin/chromium')), '/opt/b/chrome');
    assert.equal(findChromium({}, 'linux', only('/usr/bin/google-chrome', '/usr/bin/chromium-browser')), '/usr/bin/chromium-browser');
  });

  it('says so when the chosen path is wrong instead of quietly using another browser', () => {
    assert.throws(() => findChromium({ ATTUNE_CHROMIUM_PATH: '/nope' }, 'linux', only('/usr/bin/chromium')), /ATTUNE_CHROMIUM_PATH is set to "\/nope"/);
  });

  it('knows where macOS and Windows keep Chrome', () => {
    assert.ok(usualChromiumPaths('darwin', {}).includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    const windows = usualChromiumPaths('win32', { PROGRAMFILES: 'C:\\Program Files' });
    assert.ok(windows.includes('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
    assert.equal(findChromium({ PROGRAMFILES: 'C:\\Program Files' }, 'win32', only('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')), 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('fails with one line naming the variable and how to install', () => {
    assert.throws(
      () => findChromium({}, 'linux', only()),
      (error: Error) => !error.message.includes('\n') && /ATTUNE_CHROMIUM_PATH/.test(error.message) && /apt install chromium/.test(error.message),
    );
  });
});
