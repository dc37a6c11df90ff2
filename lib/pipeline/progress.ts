/** The analysis job's progress as every process sees it: the pipeline reports it, the CLI prints it, the app shows it. */
export type PipelineStage = 'probe' | 'hash' | 'vision' | 'audio' | 'fusion' | 'write';

export interface PipelineProgress {
  stage: PipelineStage;
  /** 0..1 of this stage. */
  fraction: number;
  /** 0..1 of the whole job. */
  overall: number;
  /** Estimated seconds left for the whole job, null until it can be estimated. */
  etaSec: number | null;
}
