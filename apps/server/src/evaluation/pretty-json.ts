/**
 * JSON as Prettier prints it (objects one key a line, arrays of plain values on one line when they
 * fit the print width, numbers filling lines when not), so a checked-in file the fit writes passes
 * `prettier --check` unchanged.
 */
export function prettyJson(value: unknown, printWidth = 110): string {
  return print(value, "", "", printWidth) + "\n";
}

function print(value: unknown, indent: string, prefix: string, width: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const plain = value.every((v) => v === null || typeof v !== "object");
    const inline = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (plain && indent.length + prefix.length + inline.length + 1 <= width) return inline;
    const inner = indent + "  ";
    // Prettier fills an array of numbers: as many a line as fit, rather than one a line.
    if (value.every((v) => typeof v === "number"))
      return `[\n${fill(value.map(String), inner, width)}\n${indent}]`;
    return `[\n${value.map((v) => inner + print(v, inner, "", width)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + print(v, inner, key, width);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Items on lines of at most `width` characters, each line indented, commas after all but the last. */
function fill(items: readonly string[], indent: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const [i, item] of items.entries()) {
    const text = i < items.length - 1 ? `${item},` : item;
    if (line === "") line = indent + text;
    else if (line.length + 1 + text.length <= width) line += ` ${text}`;
    else {
      lines.push(line);
      line = indent + text;
    }
  }
  lines.push(line);
  return lines.join("\n");
}
