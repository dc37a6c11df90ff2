/**
 * Review: the recording synced with the multi-track timeline and the marker list. Markers show
 * observable changes relative to this person's own baseline — the note saying so is always visible.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { Analysis, Marker } from '../../lib/analysis/types.ts';
import type { MediaUrl, SessionDetail } from '../../lib/ipc/contract.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { MarkerPanel } from '../review/MarkerPanel.tsx';
import { NoticeOffer, NoticeResult, NoticeWatch } from '../review/NoticeFirst.tsx';
import { NotesPanel, type NoteRequest } from '../review/NotesPanel.tsx';
import { ExportMenu } from '../review/ExportMenu.tsx';
import { PackagePanel } from '../review/PackagePanel.tsx';
import { useNoticeFirst } from '../review/use-notice-first.ts';
import { useNotes } from '../review/use-notes.ts';
import { personWords, WHAT_MARKERS_ARE } from '../../lib/analysis/marker-words.ts';
import type { MissedReason } from '../../lib/analysis/missed-words.ts';
import { usePlayback } from '../review/use-playback.ts';
import { useReviewKeys, type ReviewCommand } from '../review/use-review-keys.ts';
import { VideoPanel } from '../review/VideoPanel.tsx';
import { ReceivedClips } from '../review/ReceivedClips.tsx';
import { dateWords } from '../app/format.ts';
import type { Navigate } from '../state/navigation.ts';
import { initialReview, reviewReducer } from '../state/review.ts';
import { adjacentMarker } from '../timeline/marker-layout.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { trackRows } from '../timeline/track-rows.ts';
import { ZOOM_FACTOR } from '../timeline/viewport.ts';

/** Frame stepping when the recording does not state its frame rate. */
const FALLBACK_FPS = 25;

export function ReviewScreen({ sessionId, message, navigate }: { sessionId: string; message: string | null; navigate: Navigate }) {
  const api = useApi();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [media, setMedia] = useState<MediaUrl | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after the therapist points Attune at a moved recording, to load it again.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.sessions.get({ sessionId }), api.media.url({ sessionId })])
      .then(([d, m]) => {
        if (!live) return;
        setDetail(d);
        setMedia(m);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [api, sessionId, generation]);

  const relocate = async () => {
    try {
      if (await api.sessions.relocate({ sessionId })) setGeneration((g) => g + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const heading = (
    <h1 id="review-title" tabIndex={-1}>
      Review{detail ? `: ${detail.fileName}` : ''}
    </h1>
  );
  if (error || (detail && !detail.analysis)) {
    return (
      <section aria-labelledby="review-title" className="narrow">
        {heading}
        <p className="error" role="alert">
          {error ?? 'This session has not been analysed yet.'}
        </p>
        <button type="button" onClick={() => navigate({ screen: 'library' })}>
          Back to sessions
        </button>
      </section>
    );
  }
  if (!detail?.analysis || !media) {
    return (
      <section aria-labelledby="review-title">
        {heading}
        <p aria-live="polite">Opening the session…</p>
      </section>
    );
  }
  return (
    <ReviewWorkspace
      key={generation}
      heading={heading}
      detail={detail}
      analysis={detail.analysis}
      media={media}
      message={message}
      onRelocate={() => void relocate()}
      onNameRoles={() => navigate({ screen: 'roles', sessionId })}
    />
  );
}

interface WorkspaceProps {
  heading: ReactNode;
  detail: SessionDetail;
  analysis: Analysis;
  media: MediaUrl;
  message: string | null;
  onRelocate: () => void;
  onNameRoles: () => void;
}

function ReviewWorkspace({ heading, detail, analysis, media, message, onRelocate, onNameRoles }: WorkspaceProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, dispatch] = useReducer(reviewReducer, analysis.source.durationSec, initialReview);
  const fps = analysis.source.video?.fps || FALLBACK_FPS;
  const { togglePlay, seek, stepFrame } = usePlayback(videoRef, state.playing, fps, dispatch);

  const roles = useMemo(() => new Map(detail.people.map((p) => [p.id, p.role])), [detail.people]);
  const personLabel = useCallback(
    (id: string | null) => {
      if (id === null) return 'Not yet attributed to a person';
      const index = detail.people.findIndex((p) => p.id === id);
      return personWords(detail.people[index], (index === -1 ? detail.people.length : index) + 1);
    },
    [detail.people],
  );
  // Everyone with rows of their own: faces, and a voice off camera.
  const rowPeople = analysis.people.map((p) => p.id).filter((id) => analysis.tracks.face.some((t) => t.personId === id) || analysis.tracks.voice.some((t) => t.personId === id));
  const defaultPerson = rowPeople.find((id) => roles.get(id) === 'client') ?? rowPeople[0] ?? null;
  const [personId, setPersonId] = useState<string | null>(defaultPerson);
  const rows = useMemo(() => trackRows(analysis, personId), [analysis, personId]);
  // Received in a package and no recording linked yet: clips stand in for the video.
  const received = media.sourceStatus === 'present' ? null : detail.received;
  const [reason, setReason] = useState<MissedReason | null>(null);
  const [noteRequest, setNoteRequest] = useState<NoteRequest>({ count: 0, rating: null });
  const { notes, reload: reloadNotes, loadError: notesError } = useNotes(detail.id);
  const selectedMarker = analysis.markers.find((m) => m.id === state.selectedMarkerId) ?? null;
  const markers = useMemo(
    () => (reason === null ? analysis.markers : analysis.markers.filter((m) => m.missedBecause?.includes(reason))),
    [analysis.markers, reason],
  );

  const pickMarker = useCallback(
    (marker: Marker) => {
      dispatch({ type: 'select', markerId: marker.id });
      seek(marker.startSec);
    },
    [seek],
  );

  const noticing = useNoticeFirst(detail.id, analysis.markers.length > 0);
  const { notice } = noticing;

  const run = (command: ReviewCommand, key?: string) => {
    // While noticing first nothing may reveal a marker: no jumping to one, no notes, no zooming the hidden timeline.
    if (noticing.hidesMarkers && !['togglePlay', 'frameBack', 'frameForward', 'notice'].includes(command)) return;
    switch (command) {
      case 'togglePlay':
        return togglePlay();
      case 'frameBack':
        return stepFrame(-1);
      case 'frameForward':
        return stepFrame(1);
      case 'zoomIn':
        return dispatch({ type: 'zoom', factor: ZOOM_FACTOR });
      case 'zoomOut':
        return dispatch({ type: 'zoom', factor: 1 / ZOOM_FACTOR });
      case 'annotate':
        return setNoteRequest(({ count }) => ({ count: count + 1, rating: null }));
      case 'rate':
        return setNoteRequest(({ count }) => ({ count: count + 1, rating: Number(key) }));
      case 'notice':
        return notice.phase === 'watching' ? noticing.press(state.playheadSec) : undefined;
      case 'nextMarker':
      case 'previousMarker': {
        const marker = adjacentMarker(markers, state.playheadSec, command === 'nextMarker' ? 1 : -1);
        if (marker) pickMarker(marker);
        return;
      }
    }
  };
  useReviewKeys(run);

  return (
    <section aria-labelledby="review-title" className="review">
      <div className="screen-head">
        {heading}
        {rowPeople.length > 1 && (
          <label className="inline-field">
            Rows show{' '}
            <select value={personId ?? ''} onChange={(e) => setPersonId(e.target.value)}>
              {rowPeople.map((id) => (
                <option key={id} value={id}>
                  {personLabel(id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {(notice.phase === 'off' || notice.phase === 'result') && analysis.markers.length > 0 && (
          <button type="button" onClick={noticing.start}>
            Notice first…
          </button>
        )}
        {notice.phase !== 'watching' && <ExportMenu sessionId={detail.id} purposes={detail.consent?.purposes ?? []} />}
      </div>
      <p className="baseline-note" role="note">
        {WHAT_MARKERS_ARE}
      </p>
      {detail.people.length > 1 && !(detail.people.some((p) => p.role === 'client') && detail.people.some((p) => p.role === 'therapist')) && (
        <p className="roles-hint">
          Say who is the client and who is the therapist to see the client’s changes with why each was easy to miss (while you
          were speaking, looking away, or not responding).{' '}
          <button type="button" onClick={onNameRoles}>
            Who is who…
          </button>
        </p>
      )}
      {message && (
        <p className="arrival" role="status">
          {message}
        </p>
      )}
      {received && (
        <p className="received-note" role="note">
          Received in a review package made {dateWords(received.packageCreatedAt)} ({received.createdBy}). The recording is not on
          this computer: the analysis, markers and notes are here, and the clips the sender chose.{' '}
          <button type="button" onClick={onRelocate}>
            I have the recording…
          </button>
        </p>
      )}
      {media.sourceStatus !== 'present' && !received && (
        <div className="error" role="alert">
          <p>
            {media.sourceStatus === 'moved'
              ? 'The recording is no longer where it was imported from, so the video cannot play. The analysis is still shown.'
              : 'The recording has changed since it was analysed, so the video may not match the timeline.'}
          </p>
          <button type="button" onClick={onRelocate}>
            Find the recording…
          </button>
        </div>
      )}
      {notice.phase === 'offer' && <NoticeOffer onStart={noticing.start} onSkip={noticing.stop} />}
      {noticing.error && (
        <p className="error" role="alert">
          {noticing.error}
        </p>
      )}
      {notice.phase === 'result' && <NoticeResult run={notice.run} markers={analysis.markers} onSeek={seek} onDismiss={noticing.stop} />}
      <div className="review-top">
        {received ? (
          <ReceivedClips received={received} urls={media.clips} markers={analysis.markers} selectedMarkerId={state.selectedMarkerId} onPick={pickMarker} />
        ) : (
          <VideoPanel
            videoRef={videoRef}
            src={media.sourceStatus === 'moved' ? null : media.url}
            playing={state.playing}
            playheadSec={state.playheadSec}
            durationSec={state.durationSec}
            dispatch={dispatch}
            onCommand={run}
          />
        )}
        {notice.phase === 'watching' ? (
          <NoticeWatch
            presses={notice.presses}
            onWord={noticing.setWord}
            onRemove={noticing.remove}
            onFinish={() => void noticing.finish(notice.presses)}
            onCancel={noticing.stop}
            onSeek={seek}
          />
        ) : (
          !noticing.hidesMarkers && (
            <MarkerPanel allMarkers={analysis.markers} markers={markers} reason={reason} onReason={setReason} selectedId={state.selectedMarkerId} personLabel={personLabel} onPick={pickMarker} />
          )
        )}
      </div>
      {!noticing.hidesMarkers && (
        <>
          <Timeline
            rows={rows}
            faceTitle={personId ? `Face — ${personLabel(personId)}` : 'Face'}
            markers={markers}
            notes={notes ?? []}
            state={state}
            dispatch={dispatch}
            onSeek={seek}
            onPickMarker={pickMarker}
          />
          {notesError && (
            <p className="error" role="alert">
              {notesError}
            </p>
          )}
          <NotesPanel sessionId={detail.id} notes={notes} onChanged={reloadNotes} playheadSec={state.playheadSec} selectedMarker={selectedMarker} openRequest={noteRequest} onSeek={seek} />
          <PackagePanel sessionId={detail.id} purposes={detail.consent?.purposes ?? []} markers={analysis.markers} received={received !== null} onImported={reloadNotes} />
        </>
      )}
    </section>
  );
}
