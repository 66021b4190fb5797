/** The scheduled DNSBL sweep's job id. */
export const SWEEP_JOB_ID = 'dnsbl.sweep';
/** The job id of "check now" on one asset. */
export const CHECK_JOB_ID = 'dnsbl.check';
/** Every job whose run summary carries a sweep's resolver and zone health (the overview, alerts and reputation read them). */
export const DNSBL_JOB_IDS = [SWEEP_JOB_ID, CHECK_JOB_ID];
