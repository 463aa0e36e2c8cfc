/** Limits the API enforces (apps/api/src/posts/markdown.ts, spaces dto), checked early in the forms. */
export const BODY_MAX_LENGTH = 20_000;
export const SPACE_NAME_MAX_LENGTH = 80;
export const SPACE_DESCRIPTION_MAX_LENGTH = 2000;
