import pg from 'pg';
import { z } from 'zod';
import { poolConfig, type Credentials, type ServerConfig } from '../../db/postgres/connect';

const announcement = z.object({ kind: z.enum(['observation', 'amendment', 'concern']), familyId: z.number().int().nullable() });
export type Announcement = z.infer<typeof announcement>;

export interface ListenerEvents {
  changed(change: Announcement): void;
  connection(online: boolean): void;
}

const RETRY_MS = [500, 1000, 2000, 5000];

/**
 * One login's LISTEN connection to the server: other workstations' new notes arrive within a moment, without polling
 * the notes table. A lost connection is reported (the banner "Ingen forbindelse til serveren") and retried until it
 * is back or the session ends.
 */
export class ServerListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private online = true;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: ServerConfig,
    private readonly credentials: Credentials,
    private readonly events: ListenerEvents,
  ) {}

  async start(): Promise<void> {
    const { max: _max, idleTimeoutMillis: _idle, ...config } = poolConfig(this.config, this.credentials, { applicationName: 'familiespor-lyt' });
    const client = new pg.Client(config);
    client.on('notification', (message) => {
      if (message.channel !== 'familiespor' || !message.payload) return;
      try {
        const parsed = announcement.safeParse(JSON.parse(message.payload));
        if (parsed.success) this.events.changed(parsed.data);
      } catch {
        // not ours
      }
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      this.setOnline(false);
      this.retry();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query('listen familiespor');
    // Logged out while this (re)connection was under way: it must not outlive the session.
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.setOnline(true);
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      this.start().catch(() => this.retry());
    }, wait);
    this.timer.unref();
  }

  private setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.events.connection(online);
  }

  isOnline(): boolean {
    return this.online;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
