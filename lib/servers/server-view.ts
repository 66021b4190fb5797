import type { SmtpServer } from '../generated/prisma/client.ts';
import { nextRunAt } from '../jobs/next-run-at.ts';

/** The last connection test as stored in SmtpServer.lastTest (what testServerConnection answered). */
export interface ServerConnectionTest {
  ok: boolean;
  stage: string;
  outcome: string;
  category: string;
  code: number | null;
  enhancedCode: string | null;
  text: string;
  message: string;
}

/** One SMTP server as the API answers it. Never the password: `hasPassword` says whether one is stored. */
export interface ServerView {
  id: string;
  name: string;
  host: string;
  port: number;
  security: string;
  authUser: string | null;
  hasPassword: boolean;
  fromAddress: string;
  heloName: string | null;
  trustSelfSigned: boolean;
  scheduleCron: string;
  /** Next scheduled placement test (null when paused). */
  nextRunAt: Date | null;
  enabled: boolean;
  pausedReason: string | null;
  lastTest: ServerConnectionTest | null;
  lastTestAt: Date | null;
  createdAt: Date;
}

/** Shape a stored row for the API (drops authSecret). */
export function toServerView(row: SmtpServer): ServerView {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    security: row.security,
    authUser: row.authUser,
    hasPassword: row.authSecret !== null,
    fromAddress: row.fromAddress,
    heloName: row.heloName,
    trustSelfSigned: row.trustSelfSigned,
    scheduleCron: row.scheduleCron,
    nextRunAt: row.enabled ? nextRunAt({ cron: row.scheduleCron }) : null,
    enabled: row.enabled,
    pausedReason: row.pausedReason,
    lastTest: row.lastTest ? (JSON.parse(row.lastTest) as ServerConnectionTest) : null,
    lastTestAt: row.lastTestAt,
    createdAt: row.createdAt,
  };
}
