/** ISO 8601 durations ("P2Y", "P13M", "PT30M", "P1DT12H") as cookie lifetimes. */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO 8601 duration with whole-number parts; null when it is not one. */
export function parseDuration(text: string): Duration | null {
  const match = ISO_DURATION.exec(text);
  if (!match) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, weeks, days, hours, minutes, seconds };
}

/** Approximate length in seconds (a year is 365.25 days, a month a twelfth of that). */
export function durationSeconds(duration: Duration): number {
  const day = 86_400;
  return (
    duration.years * 365.25 * day +
    duration.months * 30.4375 * day +
    duration.weeks * 7 * day +
    duration.days * day +
    duration.hours * 3600 +
    duration.minutes * 60 +
    duration.seconds
  );
}

export type DurationUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/**
 * The largest whole unit a visitor would say: P2Y → 2 years, P13M → 13 months, P1Y6M → 18 months,
 * P1D → 1 day, PT30M → 30 minutes. Mixed parts collapse to the largest unit that divides them.
 */
export function describeDuration(duration: Duration): { count: number; unit: DurationUnit } {
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  if (!weeks && !days && !hours && !minutes && !seconds && (years || months)) {
    return months ? { count: years * 12 + months, unit: 'month' } : { count: years, unit: 'year' };
  }
  const totalSeconds = durationSeconds(duration);
  const units: Array<[DurationUnit, number]> = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  if (!years && !months && !days && !hours && !minutes && !seconds && weeks) return { count: weeks, unit: 'week' };
  for (const [unit, size] of units) {
    if (totalSeconds >= size && Number.isInteger(totalSeconds / size)) return { count: totalSeconds / size, unit };
  }
  return { count: Math.round(totalSeconds), unit: 'second' };
}
