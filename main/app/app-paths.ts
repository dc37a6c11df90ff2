/**
 * Where the installed app's files are. `appRoot` is the folder (or app.asar) holding package.json and
 * dist/; `resources` is Electron's resources folder, where extraResources land in a packaged app.
 */
import { join } from 'node:path';

export interface AppPaths {
  rendererDir: string;
  workersDir: string;
  preload: string;
  visionPreload: string;
  tasksVisionDir: string;
  tfjsWasmDir: string;
  modelsDir: string;
  /** The bundled ffmpeg of a packaged app (extraResources), else null: development finds its own. */
  ffmpeg: string | null;
}

export function appPaths(appRoot: string, resources: string, packaged: boolean, env: NodeJS.ProcessEnv): AppPaths {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    workersDir: join(appRoot, 'dist', 'workers'),
    preload: join(appRoot, 'dist', 'main', 'preload.cjs'),
    visionPreload: join(appRoot, 'dist', 'main', 'vision-preload.cjs'),
    tasksVisionDir: join(appRoot, 'node_modules', '@mediapipe', 'tasks-vision'),
    tfjsWasmDir: join(appRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'),
    modelsDir: env.ATTUNE_MODELS_DIR ?? (packaged ? join(resources, 'models') : join(appRoot, 'models', 'files')),
    ffmpeg: packaged ? join(resources, 'ffmpeg', `ffmpeg${exe}`) : null,
  };
}
