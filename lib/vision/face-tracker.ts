/**
 * Gives the faces of successive frames stable person ids (p1, p2, … at most `maxPeople`), and builds
 * one FaceTrack per person with a value at every analysed frame time (null while that person's face
 * is not found).
 *
 * How a face is matched to a person: each person keeps the box where their face was last seen and,
 * when seen in two frames close together, how fast it was moving. A face is a candidate for a person
 * if its centre lies within `maxCentreDistance` face sizes of where that person is expected (last
 * centre, moved on by their velocity for at most `maxPredictionSec`) and its area is within
 * `maxAreaRatio` of theirs. Among the candidates, the assignment that matches the most faces, then
 * with the smallest total distance, wins (an exhaustive search: there are at most a few faces and
 * people). A person who is not seen keeps their last box, so a face that leaves and comes back near
 * the same place gets its old id. A face no one matches starts a new person while there are fewer
 * than `maxPeople`; after that it is left out, so a passer-by never takes over someone's track.
 *
 * Pure and deterministic: the same frames give the same ids whatever order the detector lists faces in.
 */
import type { FaceTrack, Series } from '../analysis/types.ts';
import { BLENDSHAPE_NAMES } from './blendshapes.ts';
import type { FaceObservation, FrameObservations } from './types.ts';

/** The tracker reads a frame's faces only. */
type FrameFaces = Pick<FrameObservations, 't' | 'faces'>;

export interface FaceTrackerOptions {
  maxPeople: number;
  /** Largest distance, in face widths (across) and heights (down), between a face and where a person is expected. */
  maxCentreDistance: number;
  /** Largest ratio between the areas of a face and of the person's last box. */
  maxAreaRatio: number;
  /** How long a person's motion is carried on while they are not seen; after that they are expected where last seen. */
  maxPredictionSec: number;
}

/** A session's two people, client and therapist; more only when the analysis is told so (a couple, a family). */
export const DEFAULT_PEOPLE = 2;

export const DEFAULT_FACE_TRACKER_OPTIONS: FaceTrackerOptions = {
  maxPeople: DEFAULT_PEOPLE,
  maxCentreDistance: 1,
  maxAreaRatio: 2.5,
  maxPredictionSec: 1,
};

/** The frame in which a person's face was seen largest, for the thumbnail the user assigns a role from. */
export interface PersonSnapshot {
  personId: string;
  t: number;
  box: FaceObservation['box'];
}

export interface AssignedFace {
  personId: string;
  face: FaceObservation;
}

type Box = FaceObservation['box'];

interface Person {
  id: string;
  box: Box;
  seenAt: number;
  /** Box centre velocity in frame fractions per second, or null until seen twice in quick succession. */
  velocity: { x: number; y: number } | null;
  snapshot: PersonSnapshot;
  columns: PersonColumns;
}

interface PersonColumns {
  yaw: Series;
  pitch: Series;
  roll: Series;
  blendshapes: Series[];
  presence: number[];
}

const centre = (box: Box): { x: number; y: number } => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
const area = (box: Box): number => box.w * box.h;
const MIN_SIDE = 1e-3;

function emptyColumns(length: number): PersonColumns {
  const nulls = (): Series => new Array<number | null>(length).fill(null);
  return {
    yaw: nulls(),
    pitch: nulls(),
    roll: nulls(),
    blendshapes: BLENDSHAPE_NAMES.map(nulls),
    presence: new Array<number>(length).fill(0),
  };
}

function appendFace(columns: PersonColumns, face: FaceObservation | null): void {
  columns.yaw.push(face ? face.yawDeg : null);
  columns.pitch.push(face ? face.pitchDeg : null);
  columns.roll.push(face ? face.rollDeg : null);
  columns.blendshapes.forEach((series, i) => series.push(face ? (face.blendshapes[i] ?? null) : null));
  columns.presence.push(face ? 1 : 0);
}

/** Best assignment of faces to people: most matches first, then least total cost. `cost[f][p]` is Infinity outside the gate. */
function bestAssignment(cost: number[][], people: number): (number | null)[] {
  let best: { matched: number; total: number; choice: (number | null)[] } = { matched: 0, total: 0, choice: cost.map(() => null) };
  const choice: (number | null)[] = [];
  const used = new Array<boolean>(people).fill(false);
  const search = (face: number, matched: number, total: number): void => {
    if (face === cost.length) {
      if (matched > best.matched || (matched === best.matched && total < best.total)) best = { matched, total, choice: [...choice] };
      return;
    }
    for (let p = 0; p < people; p++) {
      const c = cost[face]?.[p] ?? Infinity;
      if (used[p] || !Number.isFinite(c)) continue;
      used[p] = true;
      choice.push(p);
      search(face + 1, matched + 1, total + c);
      choice.pop();
      used[p] = false;
    }
    choice.push(null);
    search(face + 1, matched, total);
    choice.pop();
  };
  search(0, 0, 0);
  return best.choice;
}

export class FaceTracker {
  private readonly options: FaceTrackerOptions;
  private readonly people: Person[] = [];
  private readonly times: number[] = [];

  constructor(options: Partial<FaceTrackerOptions> = {}) {
    this.options = { ...DEFAULT_FACE_TRACKER_OPTIONS, ...options };
  }

  /** Adds the next analysed frame (frames must come in increasing time) and says who each kept face belongs to. */
  push(frame: FrameFaces): AssignedFace[] {
    const previous = this.times.at(-1);
    if (previous !== undefined && !(frame.t > previous)) throw new Error(`face tracker needs frames in increasing time: ${frame.t} s came after ${previous} s`);
    // Faces are considered left to right, so new people are numbered the same way whatever order the detector used.
    const faces = [...frame.faces].sort((a, b) => centre(a.box).x - centre(b.box).x || centre(a.box).y - centre(b.box).y);
    const cost = faces.map((face) => this.people.map((person) => this.matchCost(person, face.box, frame.t)));
    const choice = bestAssignment(cost, this.people.length);
    const assigned: AssignedFace[] = [];
    const seen = new Map<Person, FaceObservation>();
    faces.forEach((face, f) => {
      const index = choice[f];
      let person = index === null || index === undefined ? undefined : this.people[index];
      if (!person && this.people.length < this.options.maxPeople) person = this.addPerson(face, frame.t);
      if (!person) return;
      seen.set(person, face);
      assigned.push({ personId: person.id, face });
    });
    this.times.push(frame.t);
    for (const person of this.people) {
      const face = seen.get(person) ?? null;
      appendFace(person.columns, face);
      if (face) this.update(person, face, frame.t);
    }
    return assigned;
  }

  tracks(): FaceTrack[] {
    return this.people.map(({ id, columns }) => ({
      personId: id,
      t: [...this.times],
      headYawDeg: [...columns.yaw],
      headPitchDeg: [...columns.pitch],
      headRollDeg: [...columns.roll],
      blendshapes: Object.fromEntries(BLENDSHAPE_NAMES.map((name, i) => [name, [...(columns.blendshapes[i] ?? [])]])),
      presence: [...columns.presence],
    }));
  }

  snapshots(): PersonSnapshot[] {
    return this.people.map(({ snapshot }) => ({ ...snapshot, box: { ...snapshot.box } }));
  }

  private matchCost(person: Person, box: Box, t: number): number {
    const last = centre(person.box);
    const ahead = Math.min(t - person.seenAt, this.options.maxPredictionSec);
    const expectedX = last.x + (person.velocity?.x ?? 0) * ahead;
    const expectedY = last.y + (person.velocity?.y ?? 0) * ahead;
    const here = centre(box);
    // A box clipped to a sliver at the frame's edge must not make every distance infinite.
    const width = Math.max(person.box.w, MIN_SIDE);
    const height = Math.max(person.box.h, MIN_SIDE);
    const distance = Math.hypot((here.x - expectedX) / width, (here.y - expectedY) / height);
    const areaRatio = Math.max(area(box), MIN_SIDE ** 2) / (width * height);
    if (distance > this.options.maxCentreDistance || Math.max(areaRatio, 1 / areaRatio) > this.options.maxAreaRatio) return Infinity;
    // Half the log of the area ratio is the log of the size ratio: a face twice as wide costs as much as one ln 2 widths away.
    return distance + Math.abs(Math.log(areaRatio)) / 2;
  }

  private addPerson(face: FaceObservation, t: number): Person {
    const person: Person = {
      id: `p${this.people.length + 1}`,
      box: face.box,
      seenAt: t,
      velocity: null,
      snapshot: { personId: `p${this.people.length + 1}`, t, box: face.box },
      columns: emptyColumns(this.times.length),
    };
    this.people.push(person);
    return person;
  }

  private update(person: Person, face: FaceObservation, t: number): void {
    const dt = t - person.seenAt;
    if (dt > 0 && dt <= this.options.maxPredictionSec) {
      const from = centre(person.box);
      const to = centre(face.box);
      person.velocity = { x: (to.x - from.x) / dt, y: (to.y - from.y) / dt };
    } else {
      person.velocity = null;
    }
    person.box = face.box;
    person.seenAt = t;
    if (area(face.box) > area(person.snapshot.box)) person.snapshot = { personId: person.id, t, box: face.box };
  }
}

/** Convenience for a whole sequence already in memory. */
export function trackFaces(frames: Iterable<FrameFaces>, options: Partial<FaceTrackerOptions> = {}): FaceTrack[] {
  const tracker = new FaceTracker(options);
  for (const frame of frames) tracker.push(frame);
  return tracker.tracks();
}
