import assert from 'node:assert/strict';
import { test } from 'vitest';
import { parseVisionPageQuery, visionPageQuery, type VisionPageParams } from '../../lib/vision/page-params.ts';

test('what a host builds is what the page reads back, for both kinds of frame channel', () => {
  const socket: VisionPageParams = { channel: { kind: 'socket', url: 'ws://127.0.0.1:4567/?token=a%2Fb c' }, workers: 2, delegate: 'CPU', faceLandmarks: false, maxFaces: 2 };
  const port: VisionPageParams = { channel: { kind: 'port' }, workers: 4, delegate: 'GPU', faceLandmarks: true, maxFaces: 4 };
  assert.deepEqual(parseVisionPageQuery(visionPageQuery(socket)), socket);
  assert.deepEqual(parseVisionPageQuery(`?${visionPageQuery(port)}`), port);
});

test('a page opened with a bad setting says which one', () => {
  const cases: [string, RegExp][] = [
    ['workers=1&delegate=CPU', /without a frame channel \(channel=missing\)/],
    ['channel=pigeon&workers=1&delegate=CPU', /channel=pigeon/],
    ['channel=socket&workers=1&delegate=CPU', /no ws:\/\/ socket URL/],
    ['channel=socket&socket=https%3A%2F%2Fexample.com&workers=1&delegate=CPU', /no ws:\/\/ socket URL/],
    ['channel=port&workers=0&delegate=CPU', /bad worker count \(workers=0\)/],
    ['channel=port&workers=1.5&delegate=CPU', /bad worker count/],
    ['channel=port&delegate=CPU', /bad worker count \(workers=missing\)/],
    ['channel=port&workers=1&delegate=TPU', /unknown delegate "TPU"/],
    ['channel=port&workers=1&delegate=CPU&landmarks=yes&faces=2', /landmarks=yes/],
    ['channel=port&workers=1&delegate=CPU', /bad face count \(faces=missing\)/],
    ['channel=port&workers=1&delegate=CPU&faces=0', /bad face count \(faces=0\)/],
    ['channel=port&workers=1&delegate=CPU&faces=7', /bad face count \(faces=7\)/],
  ];
  for (const [query, message] of cases) assert.throws(() => parseVisionPageQuery(query), message, query);
});
