import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DrainState } from './drain-state';

@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly drainState: DrainState,
  ) {}

  /** The process is up. */
  @Get('healthz')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database answers and the instance is not shutting down: it can take traffic. */
  @Get('readyz')
  async ready(): Promise<{ status: 'ready' }> {
    if (this.drainState.draining) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'shutting down' });
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database timeout')), 2000);
        }),
      ]);
      return { status: 'ready' };
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database does not answer' });
    } finally {
      clearTimeout(timer);
    }
  }
}
