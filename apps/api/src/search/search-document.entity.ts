import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Kinds of content search covers; briefs and co-creation threads join this list with their triggers. */
export const SEARCH_DOCUMENT_TYPES = ['POST', 'COMMENT'] as const;
export type SearchDocumentType = (typeof SEARCH_DOCUMENT_TYPES)[number];

/**
 * One searchable piece of content, written only by the database triggers of migration
 * 1763930000000-search (see there why triggers and one table), read only by SearchRepository.
 * Mapped here for reading in tests and tools; the application never writes it through TypeORM.
 */
@Entity({ name: 'search_documents' })
export class SearchDocument {
  @PrimaryColumn({ name: 'doc_type', type: 'varchar' })
  docType: SearchDocumentType;

  @PrimaryColumn({ name: 'doc_id', type: 'uuid' })
  docId: string;

  /** What the document belongs to and opens: the post of a comment. */
  @Column({ name: 'parent_type', type: 'varchar', nullable: true })
  parentType: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Who may read it: SPACE means whoever reads the space `scopeId`. */
  @Column({ name: 'scope_type', type: 'varchar' })
  scopeType: 'SPACE';

  @Column({ name: 'scope_id', type: 'uuid' })
  scopeId: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** Plain text (tags dropped, entities decoded): escape it before showing it as HTML. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
