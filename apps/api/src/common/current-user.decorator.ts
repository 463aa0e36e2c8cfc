import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@atelier/domain';
import type { Request } from 'express';
import type { User } from '../users/user.entity';

/** The signed-in user of a GraphQL operation (undefined on @Public operations without a session). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<{ req: Request }>().req.user;
});

/**
 * The signed-in user, for field resolvers. They take graphql-js's own arguments (parent, args,
 * context, info) rather than parameter decorators: @nestjs/graphql then calls them as they are,
 * instead of through a pipeline of promises per call (a page of the feed makes 140 such calls).
 */
export function viewerOf(req: Request): User {
  if (!req.user) throw unauthenticated();
  return req.user;
}

export interface GraphQLContext {
  req: Request;
  res: import('express').Response;
}
