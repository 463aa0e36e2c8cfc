import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';

/** The signed-in user of a GraphQL operation (undefined on @Public operations without a session). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<{ req: Request }>().req.user;
});

export interface GraphQLContext {
  req: Request;
  res: import('express').Response;
}
