import type { TestProject } from 'vitest/node';
import { startPostgres, type TestPostgres } from './pg';

/** The PostgreSQL run of the backend suite: one embedded server for all its test files (each test gets its own database). */
let server: TestPostgres | null = null;

export default async function setup(project: TestProject) {
  server = await startPostgres();
  project.provide('postgres', { host: server.host, port: server.port, user: server.user, password: server.password, caCertificate: server.caCertificate });
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { host: string; port: number; user: string; password: string; caCertificate: string };
  }
}
