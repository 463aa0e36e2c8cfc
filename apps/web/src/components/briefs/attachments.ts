import type { AttachmentKind } from '@/graphql/generated';
import { MAX_ATTACHMENTS } from '@/graphql/uploads';

interface BriefFile {
  id: string;
  kind: string;
  fileName: string;
  url: string;
}
interface WithEvidence {
  attachments: readonly BriefFile[];
  kpis: readonly { actuals: readonly { evidenceAttachmentId?: string | null }[] }[];
}

/** The ids of the files attached as evidence of a recorded figure (the API attaches them to the brief too). */
export function evidenceIds(brief: WithEvidence): Set<string> {
  return new Set(
    brief.kpis.flatMap((kpi) => kpi.actuals.map((a) => a.evidenceAttachmentId).filter((id): id is string => !!id)),
  );
}

/** The brief's own files, evidence left out, in the shape the shared attachment list shows. */
export function briefFiles(
  brief: WithEvidence,
): { id: string; kind: AttachmentKind; url: string; originalName: string }[] {
  const evidence = evidenceIds(brief);
  return brief.attachments
    .filter((file) => !evidence.has(file.id))
    .map((file) => ({
      id: file.id,
      // The brief's field is a plain string; uploads are images or PDFs only.
      kind: file.kind === 'IMAGE' ? 'IMAGE' : 'PDF',
      url: file.url,
      originalName: file.fileName,
    }));
}

/**
 * How many more files the brief takes: the API allows MAX_ATTACHMENTS per brief, evidence files
 * included, and nothing can be detached yet.
 */
export function roomLeft(brief: Pick<WithEvidence, 'attachments'>): number {
  return Math.max(0, MAX_ATTACHMENTS - brief.attachments.length);
}

/** The name of an evidence file, when the viewer's brief lists it. */
export function evidenceName(brief: Pick<WithEvidence, 'attachments'>, id: string): string | null {
  return brief.attachments.find((file) => file.id === id)?.fileName ?? null;
}
