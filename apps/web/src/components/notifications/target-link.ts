import type { RouteLocationRaw } from 'vue-router';

/** Where a piece of content lives, as the API describes notification targets and search results. */
export interface ContentRef {
  /** The content to open: `POST`, `BRIEF`, `PROPOSAL`, `OFFER`… */
  rootType: string;
  rootId: string;
  /** The comment within it to scroll to, if the target is one. */
  commentId?: string | null;
}

/**
 * The page that shows a piece of content, for the viewer (customers have their own pages). One place
 * for every kind, used by notifications and search; a kind this version does not know has no link.
 */
export function targetLink(ref: ContentRef, viewer: { customer: boolean }): RouteLocationRaw | null {
  const hash = ref.commentId ? `#comment-${ref.commentId}` : '';
  const id = encodeURIComponent(ref.rootId);
  switch (ref.rootType) {
    case 'POST':
      return viewer.customer ? null : { path: `/posts/${id}`, hash };
    case 'BRIEF':
      return viewer.customer ? null : { path: `/briefs/${id}`, hash };
    // Co-creation: the same content on two sides, customers' pages and staff's tools.
    case 'THREAD':
      return { path: `${viewer.customer ? '/threads' : '/co-creation'}/${id}`, hash };
    case 'PROPOSAL':
      return { path: `${viewer.customer ? '/threads' : '/co-creation'}/proposals/${id}`, hash };
    case 'OFFER':
      return { path: `${viewer.customer ? '/threads' : '/co-creation'}/offers/${id}`, hash };
    default:
      return null;
  }
}
