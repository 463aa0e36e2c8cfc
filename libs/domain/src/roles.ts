export const ROLES = ['ADMIN', 'MANAGER', 'MARKETER', 'CUSTOMER'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'MARKETER'];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);
