/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native bindings, wasm or worker threads are loaded by Node, not bundled.
  serverExternalPackages: [
    '@libsql/client',
    '@prisma/adapter-libsql',
    '@prisma/client',
    'pino',
    'nodemailer',
    'node-cron',
    'dns-packet',
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
