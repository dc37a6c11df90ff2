/** Turns ffprobe's JSON into the few facts the pipeline needs. Pure, so it is tested on fixtures. */

export interface MediaInfo {
  formatName: string;
  durationSec: number;
  /** Media time at which the container starts; stream times are reported relative to it. */
  startSec: number;
  video: { width: number; height: number; fps: number; startSec: number } | null;
  audio: { sampleRate: number; channels: number; startSec: number } | null;
}

interface ProbeStream {
  codec_type?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  start_time?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  side_data_list?: { rotation?: number }[];
  tags?: { rotate?: string };
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

function num(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** "30000/1001" → 29.97; "0/0" → null. */
export function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [n, d] = rate.split('/').map(Number);
  if (n === undefined || !Number.isFinite(n) || n <= 0) return null;
  if (d === undefined) return n;
  return Number.isFinite(d) && d > 0 ? n / d : null;
}

function rotation(stream: ProbeStream): number {
  const fromSide = stream.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation;
  const degrees = fromSide ?? num(stream.tags?.rotate) ?? 0;
  return ((Math.round(degrees) % 360) + 360) % 360;
}

export function parseProbe(json: unknown): MediaInfo | null {
  const probe = json as ProbeOutput;
  if (typeof probe !== 'object' || probe === null || !Array.isArray(probe.streams)) return null;
  const startSec = num(probe.format?.start_time) ?? 0;
  // Cover art in audio files shows up as a one-frame "video" stream; it is not a recording of anyone.
  const videoStream = probe.streams.find(
    (s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0 && (s.height ?? 0) > 0,
  );
  const audioStream = probe.streams.find((s) => s.codec_type === 'audio' && (num(s.sample_rate) ?? 0) > 0);

  let video: MediaInfo['video'] = null;
  if (videoStream?.width && videoStream.height) {
    // A phone video recorded upright is stored sideways with a rotation flag; ffmpeg turns it upright.
    const quarterTurn = rotation(videoStream) % 180 === 90;
    video = {
      width: quarterTurn ? videoStream.height : videoStream.width,
      height: quarterTurn ? videoStream.width : videoStream.height,
      fps: parseRate(videoStream.avg_frame_rate) ?? parseRate(videoStream.r_frame_rate) ?? 0,
      startSec: (num(videoStream.start_time) ?? startSec) - startSec,
    };
  }
  const audio: MediaInfo['audio'] = audioStream
    ? {
        sampleRate: Math.round(num(audioStream.sample_rate) ?? 0),
        channels: audioStream.channels ?? 1,
        startSec: (num(audioStream.start_time) ?? startSec) - startSec,
      }
    : null;
  const durations = [probe.format?.duration, videoStream?.duration, audioStream?.duration]
    .map(num)
    .filter((d): d is number => d !== null && d > 0);
  return {
    formatName: probe.format?.format_name ?? 'unknown',
    durationSec: durations[0] ?? 0,
    startSec,
    video,
    audio,
  };
}
