import { Injectable } from '@nestjs/common';

/** Set when the instance is shutting down: readiness then fails, so a load balancer sends it nothing new. */
@Injectable()
export class DrainState {
  draining = false;
}
