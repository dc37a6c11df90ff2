/**
 * Builds one body track per tracked person, frame by frame, from the bodies the vision worker found for
 * each face (lib/body/body-crop.ts) and the person each face was given by the face tracker: the same
 * person ids as the face tracks, at the frames the body model ran on (lib/body/body-schedule.ts).
 *
 * A track holds the upper body's 13 keypoints (nose to hips; a seated person's knees and ankles are
 * rarely in view) with their confidence, and the per-frame cues a clinician can check against the
 * video (lib/body/posture.ts, lib/body/self-touch.ts); the cues over time (motion energy, fidgeting)
 * are added when the track is finished (lib/body/movement.ts).
 */
import type { BodyTrack, Series } from '../analysis/types.ts';
import type { BodyObservation, FaceObservation } from '../vision/types.ts';
import { KEYPOINT_NAMES } from './keypoints.ts';
import { handsTouching, type Hands } from './self-touch.ts';
import { posture, type Point } from './posture.ts';
import { fidgeting, motionEnergy } from './movement.ts';

export const UPPER_BODY_KEYPOINTS = KEYPOINT_NAMES.slice(0, KEYPOINT_NAMES.indexOf('rightHip') + 1);

/** One face of one frame, with its person and (when found) its body. */
export interface PersonInFrame {
  personId: string;
  face: FaceObservation;
  body: BodyObservation | null;
}

interface Columns {
  presence: number[];
  keypoints: { x: Series; y: Series; score: Series }[];
  faceHeight: Series;
  shoulderTiltDeg: Series;
  noseAboveShoulders: Series;
  shoulderWidth: Series;
  selfTouch: Series;
  hands: Hands[];
  /** The keypoints in frame-height units, for the movement cues. */
  points: (Point[] | null)[];
}

function emptyColumns(): Columns {
  return {
    presence: [],
    keypoints: UPPER_BODY_KEYPOINTS.map(() => ({ x: [], y: [], score: [] })),
    faceHeight: [],
    shoulderTiltDeg: [],
    noseAboveShoulders: [],
    shoulderWidth: [],
    selfTouch: [],
    hands: [],
    points: [],
  };
}

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

export class BodyTracker {
  private readonly times: number[] = [];
  private readonly people = new Map<string, Columns>();

  /**
   * @param aspect the video's width over its height: keypoints are fractions of each, and distances
   *   are measured in frame heights.
   */
  constructor(private readonly aspect: number) {}

  /** Adds the next analysed frame: every person the face tracker kept in it, with their body or null. */
  push(t: number, people: readonly PersonInFrame[]): void {
    for (const { personId } of people) {
      if (!this.people.has(personId)) {
        const columns = emptyColumns();
        for (let i = 0; i < this.times.length; i++) appendAbsent(columns);
        this.people.set(personId, columns);
      }
    }
    this.times.push(t);
    for (const [personId, columns] of this.people) {
      const here = people.find((p) => p.personId === personId);
      if (here?.body) this.appendBody(columns, here.face, here.body);
      else appendAbsent(columns);
    }
  }

  /** One track for each of `personIds` (the face tracks' people, in their order), seen or not. */
  tracks(personIds: readonly string[]): BodyTrack[] {
    for (const personId of personIds) {
      if (this.people.has(personId)) continue;
      const columns = emptyColumns();
      for (let i = 0; i < this.times.length; i++) appendAbsent(columns);
      this.people.set(personId, columns);
    }
    return personIds.map((personId) => [personId, this.people.get(personId)!] as const).map(([personId, c]) => ({
      personId,
      t: [...this.times],
      presence: [...c.presence],
      keypoints: Object.fromEntries(UPPER_BODY_KEYPOINTS.map((name, k) => [name, { x: [...c.keypoints[k]!.x], y: [...c.keypoints[k]!.y], score: [...c.keypoints[k]!.score] }])),
      motionEnergy: motionEnergy(this.times, c.points, c.faceHeight),
      shoulderTiltDeg: [...c.shoulderTiltDeg],
      noseAboveShoulders: [...c.noseAboveShoulders],
      shoulderWidth: [...c.shoulderWidth],
      selfTouch: [...c.selfTouch],
      fidgeting: fidgeting(this.times, c.hands, c.faceHeight),
    }));
  }

  private appendBody(columns: Columns, face: FaceObservation, body: BodyObservation): void {
    // In frame heights: x scaled by the aspect so that distances are true to the picture.
    const points = UPPER_BODY_KEYPOINTS.map((_, k) => ({
      x: (body.keypoints[k * 3] as number) * this.aspect,
      y: body.keypoints[k * 3 + 1] as number,
      score: body.keypoints[k * 3 + 2] as number,
    }));
    const faceBox = { x: face.box.x * this.aspect, y: face.box.y, w: face.box.w * this.aspect, h: face.box.h };
    columns.presence.push(1);
    points.forEach((p, k) => {
      const column = columns.keypoints[k]!;
      column.x.push(round4(p.x / this.aspect));
      column.y.push(round4(p.y));
      column.score.push(round4(p.score));
    });
    columns.faceHeight.push(faceBox.h);
    const pose = posture(points, faceBox);
    columns.shoulderTiltDeg.push(pose.shoulderTiltDeg);
    columns.noseAboveShoulders.push(pose.noseAboveShoulders);
    columns.shoulderWidth.push(pose.shoulderWidth);
    const touch = handsTouching(points, faceBox, { width: this.aspect });
    columns.selfTouch.push(touch.selfTouch);
    columns.hands.push(touch.hands);
    columns.points.push(points);
  }
}

function appendAbsent(columns: Columns): void {
  columns.presence.push(0);
  for (const column of columns.keypoints) {
    column.x.push(null);
    column.y.push(null);
    column.score.push(null);
  }
  columns.faceHeight.push(null);
  columns.shoulderTiltDeg.push(null);
  columns.noseAboveShoulders.push(null);
  columns.shoulderWidth.push(null);
  columns.selfTouch.push(null);
  columns.hands.push({ left: null, right: null });
  columns.points.push(null);
}
