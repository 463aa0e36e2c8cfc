import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Hits counted per key in fixed windows; kept in the database so every API instance shares them. */
@Entity({ name: 'rate_limit_buckets' })
export class RateLimitBucket {
  @PrimaryColumn()
  key: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;
}
