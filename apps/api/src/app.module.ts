import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { BriefsModule } from './briefs/briefs.module';
import { ChannelsModule } from './channels/channels.module';
import { CommentsModule } from './comments/comments.module';
import { CoCreationModule } from './co-creation/co-creation.module';
import { errorReferencePlugin, formatGraphQLError } from './common/graphql-errors';
import { PolicyGuard } from './common/policy.guard';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { DemoModule } from './demo/demo.module';
import { FeedModule } from './feed/feed.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { MentionsModule } from './mentions/mentions.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PostsModule } from './posts/posts.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { ReactionsModule } from './reactions/reactions.module';
import { ScopesModule } from './scopes/scopes.module';
import { SearchModule } from './search/search.module';
import { SessionsModule } from './sessions/sessions.module';
import { SpacesModule } from './spaces/spaces.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';
import { TimeSavedModule } from './time-saved/time-saved.module';
import { CostsModule } from './costs/costs.module';
import { RoiReportModule } from './roi-report/roi-report.module';

/** Limits sized for the web app's largest operation with room to spare; abuse is far above them. */
const MAX_TOKENS = 3000;
const ARMOR = {
  // Fragments count by the fields they hold, not as levels of their own: depth is the data's nesting.
  maxDepth: { n: 10, flattenFragments: true },
  costLimit: { maxCost: 5000 },
  maxAliases: { n: 15 },
  // graphql-armor's token limit parses the document in a plugin hook, where a syntax error (or the
  // limit) is thrown outside Apollo's error handling and answers 500. graphql-js counts the tokens
  // in Apollo's own parse instead (parseOptions below), whose failures answer 400.
  maxTokens: { enabled: false },
  maxDirectives: { n: 20 },
};

function graphqlOptions(config: AppConfig, logger: Logger): ApolloDriverConfig {
  const armor = new ApolloArmor({
    ...ARMOR,
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    csrfPrevention: true,
    introspection: !config.isProduction,
    playground: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      // No response is cached by hints; Apollo's default cache-control plugin would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      errorReferencePlugin(logger),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault(),
    ],
    formatError: formatGraphQLError,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config, logger)),
        ScopesModule,
        LiveModule,
        SessionsModule,
        RateLimitsModule,
        UsersModule,
        TeamsModule,
        SpacesModule,
        PostsModule,
        CommentsModule,
        ReactionsModule,
        MentionsModule,
        NotificationsModule,
        FeedModule,
        SearchModule,
        AuthModule,
        AttachmentsModule,
        HealthModule,
        MetricsModule,
        TimeSavedModule,
        CostsModule,
        RoiReportModule,
        ChannelsModule,
        BriefsModule,
        CoCreationModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
