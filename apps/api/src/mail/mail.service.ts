import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { decodeKeyset, encodeKeyset, pageSize } from '../co-creation/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxConnection, OutboxMessage } from './outbox-message.entity';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the message is about (an invitation), shown apart in the outbox. */
  link?: string;
}

export const OUTBOX_MAX_PAGE = 50;

/**
 * The one way Atelier sends mail. With SMTP_URL it sends through nodemailer once the caller's
 * transaction has committed; without it the message is written to the outbox in that transaction,
 * so nothing depends on a mail server and staff copy links from there.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.SMTP_URL) this.transport = createTransport(config.SMTP_URL);
  }

  /**
   * Queues the messages in `manager`'s transaction (outbox) and returns what to run after commit
   * (SMTP delivery, whose failures are logged: the invitation exists and can be sent again).
   */
  async queue(messages: readonly MailMessage[], manager: EntityManager): Promise<() => Promise<void>> {
    const transport = this.transport;
    if (!transport) {
      if (messages.length) {
        await manager.insert(
          OutboxMessage,
          messages.map((m) => ({ to: m.to, subject: m.subject, text: m.text, link: m.link ?? null })),
        );
      }
      return async () => undefined;
    }
    return async () => {
      for (const message of messages) {
        try {
          await transport.sendMail({
            from: this.config.MAIL_FROM,
            to: message.to,
            subject: message.subject,
            text: message.text,
          });
        } catch (error) {
          this.logger.error(`mail to ${message.to} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
  }

  /** Newest first, keyset on (created_at, id). */
  async outbox(first: number, after?: string | null): Promise<OutboxConnection> {
    const limit = pageSize(first, OUTBOX_MAX_PAGE);
    const cursor = after ? decodeKeyset(after) : null;
    const rows = await this.dataSource.query<(Record<string, unknown> & { cursor_created_at: string })[]>(
      `select id, to_address, subject, text, link, created_at, created_at::text as cursor_created_at
         from outbox_messages
        where ($1::timestamptz is null or (created_at, id) < ($1::timestamptz, $2::uuid))
        order by created_at desc, id desc
        limit $3`,
      [cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const edges = page.map((row) => ({
      cursor: encodeKeyset({ createdAt: row.cursor_created_at, id: row.id as string }),
      node: Object.assign(new OutboxMessage(), {
        id: row.id as string,
        to: row.to_address as string,
        subject: row.subject as string,
        text: row.text as string,
        link: row.link as string | null,
        createdAt: row.created_at as Date,
      }),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
