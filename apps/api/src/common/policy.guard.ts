import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Action, can, forbidden, unauthenticated } from '@atelier/domain';
import type { Request } from 'express';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import { actorOf } from './request-context';

/**
 * Applied to every GraphQL operation: default deny. An operation passes only when marked
 * @Public or when the policy grants its @Allow action to the signed-in user.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
    const actor = actorOf(req.user);
    if (!actor) throw unauthenticated();
    const action = this.reflector.getAllAndOverride<Action | undefined>(ALLOW_KEY, targets);
    if (!action || !can(actor, action)) throw forbidden();
    return true;
  }
}
