import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One searchable piece of content, written only by the database triggers of migration
 * 1763930000000-search (see there why triggers and one table), read only by SearchRepository.
 * Mapped here for reading in tests and tools; the application never writes it through TypeORM.
 */
@Entity({ name: 'search_documents' })
export class SearchDocument {
  /** `POST`, `COMMENT`, or any content kind whose module adds a trigger (`BRIEF`, `PROPOSAL`…). */
  @PrimaryColumn({ name: 'doc_type', type: 'varchar' })
  docType: string;

  @PrimaryColumn({ name: 'doc_id', type: 'uuid' })
  docId: string;

  /** What the document belongs to and opens: the post of a comment. */
  @Column({ name: 'parent_type', type: 'varchar', nullable: true })
  parentType: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Who may read it: whoever reads that scope (ScopeRegistry). */
  @Column({ name: 'scope_type', type: 'varchar' })
  scopeType: string;

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
