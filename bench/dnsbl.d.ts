/** Types of npm `dnsbl` 4.0.3 (it ships none), as far as the benchmark uses it. */
declare module 'dnsbl' {
  export function batch(
    addrs: string | string[],
    lists: string | string[],
    opts?: { servers?: string | string[]; concurrency?: number; timeout?: number; includeTxt?: boolean },
  ): Promise<{ address: string; blacklist: string; listed: boolean }[]>;
}
