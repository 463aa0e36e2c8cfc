import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RateLimitRule {
  key: string;
  max: number;
  windowSeconds: number;
}

export interface RateLimitState {
  exceeded: boolean;
  /** Seconds until the current window closes. */
  retryAfterSeconds: number;
}

/**
 * Counts hits per key in fixed windows, in PostgreSQL so that every API instance shares the
 * counters. One statement per hit: an upsert that returns the new count.
 */
@Injectable()
export class RateLimitsService {
  constructor(private readonly dataSource: DataSource) {}

  private windowOf(rule: RateLimitRule, now: Date): { start: Date; retryAfterSeconds: number } {
    const windowMs = rule.windowSeconds * 1000;
    const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    return { start, retryAfterSeconds: Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000) };
  }

  async peek(rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
    const { start, retryAfterSeconds } = this.windowOf(rule, now);
    const rows: { hits: number }[] = await this.dataSource.query(
      'select hits from rate_limit_buckets where key = $1 and window_start = $2',
      [rule.key, start],
    );
    return { exceeded: (rows[0]?.hits ?? 0) >= rule.max, retryAfterSeconds };
  }

  async hit(rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
    const { start, retryAfterSeconds } = this.windowOf(rule, now);
    const rows: { hits: number }[] = await this.dataSource.query(
      `insert into rate_limit_buckets (key, window_start, hits) values ($1, $2, 1)
       on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
       returning hits`,
      [rule.key, start],
    );
    return { exceeded: rows[0].hits >= rule.max, retryAfterSeconds };
  }

  /** Old windows are useless; dropping them keeps the table to a few rows per active key. */
  async purgeBefore(cutoff: Date): Promise<void> {
    await this.dataSource.query('delete from rate_limit_buckets where window_start < $1', [cutoff]);
  }
}
