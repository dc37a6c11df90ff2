/**
 * Which frames the body model runs on. MoveNet costs about as much per frame as the face model, and
 * running it on every analysed frame slowed a whole analysis by half; posture, self-touch and the
 * movement cues change over seconds, so bodies are looked for 2.5 times a second (every other frame at
 * the default 5 analysed frames a second), which keeps the body channel's cost near a quarter.
 *
 * The page's pool decides as frames arrive, in order, so the choice depends only on the frames' times:
 * the same recording gets the same body frames on every run. A frame is due when at least the step
 * has passed since the last body frame, less a 50 ms allowance for times that are not exact.
 */
export const BODY_FPS = 2.5;
const STEP_SEC = 1 / BODY_FPS;
const ALLOWANCE_SEC = 0.05;

export class BodySchedule {
  private last: number | null = null;

  /** Whether to look for bodies in the frame at `t`; frames must be asked about in time order. */
  due(t: number): boolean {
    if (this.last !== null && t - this.last < STEP_SEC - ALLOWANCE_SEC) return false;
    this.last = t;
    return true;
  }
}
