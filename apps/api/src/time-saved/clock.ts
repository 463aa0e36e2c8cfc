import { Inject, Injectable } from '@nestjs/common';
import { dateInZone, type CalendarDate } from '@atelier/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * "Now" and "today in the company's time zone" for time saved and the ROI report. One place, so a
 * test can stand at 23:30 in Paris on the last day of a month.
 */
@Injectable()
export class CompanyClock {
  private fixed: Date | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get zone(): string {
    return this.config.TZ;
  }

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  today(): CalendarDate {
    return dateInZone(this.now(), this.config.TZ);
  }

  /** Tests only: stop the clock at `instant` (null: the real time again). */
  setNow(instant: Date | null): void {
    this.fixed = instant;
  }
}
