/** The launcher's CSS, scoped inside its shadow root so the site's styles cannot reach it. */
export const launcherStyles = (accent: string, side: "left" | "right") => `
:host { all: initial; }
.root { position: fixed; bottom: 20px; ${side}: 20px; z-index: 2147483000; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher { position: relative; width: 60px; height: 60px; border-radius: 50%; border: 0; cursor: pointer;
  background: ${accent}; color: #fff; box-shadow: 0 6px 20px rgba(0,0,0,.25); display: grid; place-items: center;
  transition: transform .15s ease; }
.launcher:hover { transform: scale(1.05); }
.launcher:focus-visible { outline: 3px solid #fff; box-shadow: 0 0 0 6px ${accent}, 0 6px 20px rgba(0,0,0,.25); }
.launcher svg { width: 28px; height: 28px; }
.launcher .close-icon, .launcher[aria-expanded="true"] .chat-icon { display: none; }
.launcher[aria-expanded="true"] .close-icon { display: block; }
.badge { position: absolute; top: -4px; ${side === "right" ? "left" : "right"}: -4px; min-width: 22px; height: 22px;
  padding: 0 6px; box-sizing: border-box; border-radius: 11px; background: #b3261e; color: #fff; font: 700 12px/22px system-ui, sans-serif; }
.badge[hidden] { display: none; }
.panel { position: absolute; bottom: 76px; ${side}: 0; width: 380px; height: min(640px, calc(100vh - 120px));
  border-radius: 16px; overflow: hidden; background: #fff; box-shadow: 0 12px 48px rgba(0,0,0,.28);
  transform-origin: bottom ${side}; animation: pop .18s ease-out; }
.panel[hidden] { display: none; }
.panel iframe { width: 100%; height: 100%; border: 0; display: block; }
@keyframes pop { from { opacity: 0; transform: translateY(12px) scale(.98); } to { opacity: 1; transform: none; } }
@media (max-width: 480px) {
  .panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .launcher, .panel { transition: none; animation: none; } }
`;

/** The launcher's static markup (no site or customer data in it: those are set as text afterwards). */
export const launcherMarkup = `
<div class="root">
  <div class="panel" hidden><iframe allow="clipboard-write"></iframe></div>
  <button class="launcher" type="button" aria-expanded="false" aria-haspopup="dialog">
    <svg class="chat-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z"/></svg>
    <svg class="close-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>
    <span class="badge" hidden></span>
  </button>
</div>`;
