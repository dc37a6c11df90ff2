/**
 * Which frames the body model runs on. MoveNet costs about as much per frame as the face model, and
 * running it on every analysed frame slowed a whole analysis by half; posture and self-touch change over
 * seconds, and movement is measured at every analysed frame without it (regionMotion, Motion Energy
 * Analysis), so bodies are looked for 5/3 times a second — every third frame at the default 5 analysed
 * frames a second. Measured on the bench's 3-minute session, end to end, one run each unless two are
 * given: bodies off 35.3 s; every third frame 37.1 s (+5 %); every other frame (2.5/s) 45.0 and 42.1 s
 * (+19 to +27 %, at or over the 25 % budget); every fifth 38.1 s — run-to-run noise is about ±3 s.
 *
 * The page's pool decides as frames arrive, in order, so the choice depends only on the frames' times:
 * the same recording gets the same body frames on every run. A frame is due when at least the step
 * has passed since the last body frame, less an 80 ms allowance for times that are not exact (a
 * 15-frames-a-second source gives analysed frames 0.2 or 0.267 s apart, so three can span 0.53 s).
 */
export const BODY_FPS = 5 / 3;
/** Seconds between body frames. */
export const BODY_STEP_SEC = 1 / BODY_FPS;
const ALLOWANCE_SEC = 0.08;

export class BodySchedule {
  private last: number | null = null;

  /** Whether to look for bodies in the frame at `t`; frames must be asked about in time order. */
  due(t: number): boolean {
    if (this.last !== null && t - this.last < BODY_STEP_SEC - ALLOWANCE_SEC) return false;
    this.last = t;
    return true;
  }
}
