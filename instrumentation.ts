// Next.js start-up hook: the web process runs the scheduler too (design §2), Node runtime only. The dynamic
// import keeps node-cron, Prisma and the DNS engine out of the edge bundle. A run cut short when the server
// stops is marked failed at the next start (recoverStaleRuns) and redone by the next sweep. A scheduler that cannot
// start (an invalid DNSBL_SWEEP_CRON…) is logged and shown on the dashboard; the web process keeps serving.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobs } = await import('./jobs/start-jobs.ts');
  await startJobs({ process: 'web' });
}
