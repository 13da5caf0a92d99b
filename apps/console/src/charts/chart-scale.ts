/** An axis from 0: its top and the values to label. */
export interface Axis {
  max: number;
  ticks: number[];
}

/** The smallest 1, 2 or 5 × 10^n that is at least `value`. */
export function niceStep(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 2, 5, 10].find((f) => f * power >= value * (1 - 1e-9)) ?? 10;
  return factor * power;
}

/**
 * A round axis that holds `max` with about `target` steps. Counts get whole-number steps, so a chart of
 * three messages does not label 0.5 of one.
 */
export function axisFor(max: number, opts: { target?: number; integer?: boolean } = {}): Axis {
  const target = opts.target ?? 4;
  const raw = niceStep(max / target);
  const step = opts.integer ? Math.max(1, raw) : raw;
  const top = max > 0 ? Math.ceil(max / step - 1e-9) * step : step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return { max: top, ticks };
}

/** Where `value` lands on an axis of `size` pixels (clamped to the axis). */
export function scale(value: number, max: number, size: number): number {
  if (!(max > 0)) return 0;
  return (Math.min(Math.max(value, 0), max) / max) * size;
}

/** Evenly spread bars: the slot each takes and the bar's width inside it. */
export function bands(count: number, width: number, gap = 0.25): { step: number; bar: number } {
  const step = count > 0 ? width / count : width;
  return { step, bar: Math.max(1, step * (1 - gap)) };
}
