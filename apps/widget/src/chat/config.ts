import { z } from "zod";
import { readableAccent } from "../shared/color";

/** The options the loader passes in the chat page's query string, validated like any other input. */
const FrameParams = z.object({
  origin: z.string().optional(),
  title: z.string().max(80).optional(),
  greeting: z.string().max(400).optional(),
  accent: z.string().max(40).optional(),
  lang: z.string().max(12).optional(),
  help: z.string().max(500).optional(),
});

export interface ChatConfig {
  /** The site's origin (the only one whose messages are read), or null when opened directly. */
  hostOrigin: string | null;
  title: string;
  greeting: string;
  accent: string;
  language: string;
  helpUrl: string;
  /** Where the API lives: the server that serves this page. */
  server: string;
}

const httpOrigin = (value: string | undefined): string | null => {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
};

const httpUrl = (value: string | undefined): string => (value && /^https?:\/\//i.test(value) ? value : "");

/** Reads the chat page's configuration from its own address. */
export function readConfig(search: string, server: string): ChatConfig {
  const parsed = FrameParams.safeParse(Object.fromEntries(new URLSearchParams(search)));
  const params = parsed.success ? parsed.data : {};
  return {
    hostOrigin: httpOrigin(params.origin),
    title: params.title?.trim() || "",
    greeting: params.greeting?.trim() || "",
    accent: readableAccent(params.accent).accent,
    language: params.lang || "en",
    helpUrl: httpUrl(params.help),
    server,
  };
}
