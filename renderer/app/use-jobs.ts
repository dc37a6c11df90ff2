/** Live analysis jobs for the whole app: one listing, then main's progress pushes. */
import { useEffect, useReducer } from 'react';
import type { AttuneApi } from '../../lib/ipc/contract.ts';
import { jobsReducer, type JobsState } from '../state/jobs.ts';

const noJobs: JobsState = new Map();

export function useJobs(api: AttuneApi): JobsState {
  const [jobs, dispatch] = useReducer(jobsReducer, noJobs);
  useEffect(() => {
    // Subscribe before listing, so no event between the two is lost.
    const unsubscribe = api.jobs.onProgress((job) => dispatch({ type: 'progress', job }));
    let live = true;
    api.jobs
      .list()
      .then((list) => live && dispatch({ type: 'listed', jobs: list }))
      .catch(() => undefined); // Progress events still arrive; the Progress screen shows them.
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return jobs;
}
