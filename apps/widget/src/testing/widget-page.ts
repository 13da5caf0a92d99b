import type { Browser, BrowserContext, FrameLocator, Locator, Page } from "playwright-core";
import { VisitorSession } from "@handoff/contracts";

/** The demo page's launcher and chat iframe, as a customer meets them. */
export interface WidgetPage {
  context: BrowserContext;
  page: Page;
  chat: FrameLocator;
  /** The conversation this browser's widget holds (read from the chat page's storage). */
  conversationId(): Promise<string>;
  /** A shown message (in the transcript, not the screen-reader announcements) containing `text`. */
  message(text: string): Locator;
  /** Types a message in the composer and presses Enter. */
  say(text: string): Promise<void>;
  /** The text of every message shown, in order (greeting excluded). */
  transcript(): Promise<string[]>;
}

export const LAUNCHER = "Northbound Coffee (chat)";

/** Opens the demo host page in a fresh browser context and opens the chat from the launcher. */
export async function openWidget(
  browser: Browser,
  url: string,
  context?: BrowserContext,
): Promise<WidgetPage> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 820 } }));
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: LAUNCHER }).click();
  const chat = page.frameLocator(`iframe[title="${LAUNCHER}"]`);
  await chat.getByRole("textbox").waitFor();
  const frame = () => {
    const found = page.frames().find((f) => f.url().includes("/widget/"));
    if (!found) throw new Error("the chat iframe is not on the page");
    return found;
  };
  return {
    context: ctx,
    page,
    chat,
    async conversationId() {
      const handle = await frame().waitForFunction(() => localStorage.getItem("handoff-desk:session"));
      const raw = await handle.jsonValue();
      const parsed = VisitorSession.safeParse(typeof raw === "string" ? JSON.parse(raw) : null);
      if (!parsed.success) throw new Error("the widget stored an unreadable session");
      return parsed.data.conversationId;
    },
    message: (text) => chat.locator(".messages .msg .text").filter({ hasText: text }),
    async say(text) {
      const box = chat.getByRole("textbox");
      await box.fill(text);
      await box.press("Enter");
    },
    transcript: () => chat.locator(".msg:not(.greeting) .text").allTextContents(),
  };
}
