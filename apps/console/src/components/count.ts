/** "1 rating", "4 ratings": a number with its noun, singular for one. */
export const count = (n: number, noun: string): string => `${n} ${n === 1 ? noun : `${noun}s`}`;
