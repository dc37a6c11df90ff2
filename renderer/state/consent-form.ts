/**
 * The consent step of an import. No consent, no analysis: the Start button is enabled only when
 * `consentProblems` is empty, and the problems are shown beside it so the therapist knows why.
 */
import type { ConsentPurpose } from '../../lib/ipc/contract.ts';

/** Ready-made retention periods, in months; 'date' lets the therapist type the agreed date. */
export const RETENTION_CHOICES = ['1', '3', '6', '12', '24', 'date'] as const;
export type RetentionChoice = (typeof RETENTION_CHOICES)[number] | '';

export interface ConsentForm {
  readonly consentedBy: string;
  /** YYYY-MM-DD, the day the client gave consent. */
  readonly consentedAt: string;
  readonly purposes: readonly ConsentPurpose[];
  readonly retention: RetentionChoice;
  /** YYYY-MM-DD, used when `retention` is 'date'. */
  readonly retainUntilDate: string;
  /** The therapist confirms the consent was informed and covers this recording. */
  readonly confirmed: boolean;
}

export type ConsentAction =
  | { type: 'set'; field: 'consentedBy' | 'consentedAt' | 'retainUntilDate'; value: string }
  | { type: 'retention'; value: RetentionChoice }
  | { type: 'purpose'; purpose: ConsentPurpose; checked: boolean }
  | { type: 'confirm'; checked: boolean };

export function emptyConsent(today: string): ConsentForm {
  return { consentedBy: '', consentedAt: today, purposes: [], retention: '', retainUntilDate: '', confirmed: false };
}

export function consentReducer(form: ConsentForm, action: ConsentAction): ConsentForm {
  switch (action.type) {
    case 'set':
      return { ...form, [action.field]: action.value };
    case 'retention':
      return { ...form, retention: action.value };
    case 'purpose': {
      const others = form.purposes.filter((p) => p !== action.purpose);
      return { ...form, purposes: action.checked ? [...others, action.purpose] : others };
    }
    case 'confirm':
      return { ...form, confirmed: action.checked };
  }
}

/** YYYY-MM-DD of `date` in the therapist's own time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** The date the data may be kept until, or null while it cannot be worked out yet. */
export function retainUntil(form: ConsentForm): string | null {
  if (form.retention === '') return null;
  if (form.retention === 'date') return isDay(form.retainUntilDate) ? form.retainUntilDate : null;
  if (!isDay(form.consentedAt)) return null;
  const [y, m, d] = form.consentedAt.split('-').map(Number) as [number, number, number];
  // Date rolls 31 January + 1 month over to early March; clamp to the last day of the month instead.
  const target = new Date(y, m - 1 + Number(form.retention), 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d, lastDay));
  return localDay(target);
}

/** What is still missing, in the words shown to the therapist; empty when consent is complete. */
export function consentProblems(form: ConsentForm, today: string): string[] {
  const problems: string[] = [];
  if (form.consentedBy.trim() === '') problems.push('Enter who gave consent.');
  if (!isDay(form.consentedAt)) problems.push('Enter the date consent was given.');
  else if (form.consentedAt > today) problems.push('The consent date cannot be in the future.');
  if (form.purposes.length === 0) problems.push('Tick at least one purpose the client agreed to.');
  const until = retainUntil(form);
  if (until === null) problems.push('Choose how long the data may be kept.');
  else if (until <= today) problems.push('The keep-until date must be after today.');
  if (!form.confirmed) problems.push('Confirm that the client gave informed consent for this recording.');
  return problems;
}
