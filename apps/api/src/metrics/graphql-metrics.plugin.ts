import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { MetricsService } from './metrics.service';

/** Times every GraphQL request by operation and counts the errors of its response, as formatted for the client. */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly started = new WeakMap<GraphQLRequestContext<BaseContext>, number>();

  constructor(private readonly metrics: MetricsService) {}

  async requestDidStart(
    requestContext: GraphQLRequestContext<BaseContext>,
  ): Promise<GraphQLRequestListener<BaseContext>> {
    const started = performance.now();
    this.started.set(requestContext, started);
    const metrics = this.metrics;
    return {
      async willSendResponse({ operation, response }) {
        const label = metrics.operationLabel(Boolean(operation), operation?.name?.value);
        const errors =
          response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        metrics.observeOperation(
          label,
          (performance.now() - started) / 1000,
          (errors ?? []).map((error) => error.extensions?.code),
        );
      },
    };
  }

  /**
   * A request that failed outside Apollo's pipeline (a plugin hook threw) never reaches
   * willSendResponse. A GraphQLError there is about the caller's document; anything else is ours.
   * Syntax errors and the token limit no longer come this way: Apollo's own parse reports them.
   */
  async unexpectedErrorProcessingRequest({
    requestContext,
    error,
  }: {
    requestContext: GraphQLRequestContext<BaseContext>;
    error: Error;
  }): Promise<void> {
    const started = this.started.get(requestContext) ?? performance.now();
    this.metrics.observeOperation(this.metrics.operationLabel(false, undefined), (performance.now() - started) / 1000, [
      error instanceof GraphQLError ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR',
    ]);
  }
}
