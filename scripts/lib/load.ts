/** Helpers of the load the benchmarks and drills send. */

/** The value at percentile `p` of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * The body of a staff-registered access request (`POST /api/v1/requests`) received by post an hour
 * ago, from and about a person the platform does not know, whose acknowledgement goes to `email`.
 */
export function letterRequestBody(email: string, label: string): string {
  return JSON.stringify({
    right: "access",
    channel: "post",
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    requester: { firstName: "Exercice", lastName: label, email },
    subject: { relation: "self", firstName: "Exercice", lastName: label, birthDate: "1990-01-01" },
    scope: {},
  });
}
