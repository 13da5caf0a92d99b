import { refusal } from "./http";

/** The file name a Content-Disposition header suggests, if any. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1]?.trim();
  return name ? decodeURIComponent(name) : null;
}

/**
 * Downloads a file that needs the bearer token. A plain link cannot send an Authorization header,
 * so the file is fetched and handed to the browser as a blob URL.
 */
export async function downloadWithToken(path: string, token: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw refusal(res.status, await res.text());
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileNameOf(res.headers.get("content-disposition")) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
