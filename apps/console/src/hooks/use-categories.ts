import { useCallback } from "react";
import { listArticles } from "../api/kb-api";
import type { RestClient } from "../api/rest-client";
import { getSettings } from "../api/settings-api";
import { categoryOptions } from "../settings/category-options";
import { useRemote } from "./use-remote";

/** The categories to offer in filters and settings (empty until loaded). */
export function useCategories(client: RestClient): string[] {
  const load = useCallback(async () => {
    const [articles, settings] = await Promise.all([listArticles(client), getSettings(client)]);
    return categoryOptions(articles, settings);
  }, [client]);
  return useRemote(load).data ?? [];
}
