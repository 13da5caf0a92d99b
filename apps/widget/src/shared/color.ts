/** Colour helpers shared by the loader and the chat page: keep any accent colour readable. */

export type Rgb = readonly [number, number, number];

/** The accent used when none (or an unreadable value) is given: a deep roast green. */
export const DEFAULT_ACCENT = "#1d5c47";

/** Parses #rgb or #rrggbb; anything else is null (the caller falls back to the default accent). */
export function parseHex(value: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** WCAG relative luminance (0 black .. 1 white). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const WHITE: Rgb = [255, 255, 255];

/**
 * An accent that reaches 4.5:1 against white (so it works for links, buttons with white text and
 * focus rings), darkening the site's colour as little as needed. Invalid input gives the default.
 */
export function readableAccent(value: string | null | undefined): { accent: string; onAccent: string } {
  let rgb = parseHex(value ?? "") ?? parseHex(DEFAULT_ACCENT);
  if (!rgb) return { accent: DEFAULT_ACCENT, onAccent: "#ffffff" };
  for (let i = 0; i < 40 && contrast(rgb, WHITE) < 4.5; i++) {
    const [r, g, b]: Rgb = rgb;
    rgb = [r * 0.92, g * 0.92, b * 0.92];
  }
  return { accent: toHex(rgb), onAccent: "#ffffff" };
}
