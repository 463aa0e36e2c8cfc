import type { BriefAttachmentFieldsFragment } from '@/graphql/generated';
import { MAX_ATTACHMENTS } from '@/graphql/uploads';

type BriefFile = Pick<BriefAttachmentFieldsFragment, 'id' | 'kind' | 'originalName' | 'url'>;
interface WithEvidence<F extends BriefFile = BriefFile> {
  attachments: readonly F[];
  kpis: readonly { actuals: readonly { evidenceAttachmentId?: string | null }[] }[];
}

/** The ids of the files attached as evidence of a recorded figure (the API attaches them to the brief too). */
export function evidenceIds(brief: WithEvidence): Set<string> {
  return new Set(
    brief.kpis.flatMap((kpi) => kpi.actuals.map((a) => a.evidenceAttachmentId).filter((id): id is string => !!id)),
  );
}

/** The brief's own files, evidence left out: the ones its editors attach and remove. */
export function briefFiles<F extends BriefFile>(brief: WithEvidence<F>): F[] {
  const evidence = evidenceIds(brief);
  return brief.attachments.filter((file) => !evidence.has(file.id));
}

/**
 * The `attachmentIds` of `updateBrief` (the whole list of the brief's own files) after adding
 * uploads or removing one file. Evidence is never listed: the API keeps it whatever the list says.
 */
export function attachmentIdsAfter(
  brief: WithEvidence,
  change: { add?: readonly string[]; remove?: string },
): string[] {
  const kept = briefFiles(brief)
    .map((file) => file.id)
    .filter((id) => id !== change.remove);
  return [...new Set([...kept, ...(change.add ?? [])])];
}

/** How many more files the brief takes: the API allows MAX_ATTACHMENTS per brief, evidence files included. */
export function roomLeft(brief: Pick<WithEvidence, 'attachments'>): number {
  return Math.max(0, MAX_ATTACHMENTS - brief.attachments.length);
}

/** The name of an evidence file, when the viewer's brief lists it. */
export function evidenceName(brief: Pick<WithEvidence, 'attachments'>, id: string): string | null {
  return brief.attachments.find((file) => file.id === id)?.originalName ?? null;
}
