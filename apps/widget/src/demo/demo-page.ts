/** The demo page's own button opens the chat through the loader's public API. */
document.getElementById("open-chat")?.addEventListener("click", () => window.HandoffDesk?.open());

export {};
