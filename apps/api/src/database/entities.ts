import { Session } from '../sessions/session.entity';
import { RateLimitBucket } from '../rate-limits/rate-limit-bucket.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [User, Team, Session, RateLimitBucket];
