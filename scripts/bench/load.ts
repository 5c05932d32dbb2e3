import autocannon from 'autocannon';

/** Requests per second against a loopback URL, bounded in time (autocannon). */
export async function requestsPerSecond(
  url: string,
  options: { seconds?: number; headers?: Record<string, string> } = {},
): Promise<number> {
  const result = await autocannon({
    url,
    connections: 20,
    pipelining: 1,
    duration: options.seconds ?? 5,
    headers: options.headers,
  });
  if (result.non2xx > 0 && !options.headers?.['if-none-match'])
    throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

export function ratio(value: number, baseline: number): string {
  return (value / baseline).toFixed(2);
}

export function line(name: string, value: string, baseline: string, ratioText: string, goal: string): void {
  process.stdout.write(
    `${name.padEnd(44)} ${value.padStart(14)} ${baseline.padStart(14)}   ratio ${ratioText.padStart(6)}   goal ${goal}\n`,
  );
}
