/**
 * A two-person "gallery view" with a known truth about synchrony, made from the shared clips with the
 * real ffmpeg: on the left the Pexels woman (looped), on the right the same footage 0.6 s later for the
 * first 36 s — the right face moves exactly as the left one did 0.6 s before — and then the CLM-framework
 * man (looped), whose movement has nothing to do with hers. 72 s, 640×240, no sound.
 */
import { video } from './paths.ts';
import { ffmpeg } from './ffmpeg.ts';

export const GALLERY = { lagSec: 0.6, switchSec: 36, durationSec: 72 } as const;

const tile = 'fps=15,scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:(ow-iw)/2:(oh-ih)/2,setsar=1';

export function makeSynchronyGallery(file: string): void {
  const { lagSec, switchSec, durationSec } = GALLERY;
  ffmpeg(
    '-stream_loop', '3', '-i', video('WolfgangLanger_Pexels.mp4'),
    '-stream_loop', '3', '-i', video('default.wmv'),
    '-filter_complex',
    `[0:v]${tile},trim=0:${durationSec},setpts=PTS-STARTPTS,split[left][copy];` +
      `[copy]tpad=start_duration=${lagSec}:start_mode=clone,trim=0:${switchSec},setpts=PTS-STARTPTS[follows];` +
      `[1:v]${tile},trim=0:${durationSec - switchSec},setpts=PTS-STARTPTS[other];` +
      '[follows][other]concat=n=2:v=1:a=0[right];[left][right]hstack=inputs=2[v]',
    '-map', '[v]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-an', file,
  );
}
