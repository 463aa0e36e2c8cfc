import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numerics arrive as strings (exactness); the domain math works on numbers. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};
