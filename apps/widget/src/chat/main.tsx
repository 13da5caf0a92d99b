import { render } from "preact";
import { CHANNEL } from "../shared/bridge-protocol";
import { serverChatApi } from "./api/chat-api";
import { browserStore } from "./api/session-store";
import { connectHost } from "./bridge/frame-bridge";
import { readConfig } from "./config";
import { stringsFor } from "./i18n";
import { ChatController } from "./state/chat-controller";
import { App } from "./ui/app";
import "./styles.css";

const config = readConfig(location.search, location.origin);
const t = stringsFor(config.language);
document.documentElement.lang = config.language;
document.documentElement.style.setProperty("--accent", config.accent);

const controller = new ChatController(serverChatApi(config.server), browserStore());
const focusListeners = new Set<() => void>();
const focusSignal = {
  subscribe(listener: () => void) {
    focusListeners.add(listener);
    return () => focusListeners.delete(listener);
  },
};

const bridge = connectHost(config.hostOrigin, {
  visibility(open) {
    controller.setVisible(open);
    if (open) focusListeners.forEach((focus) => focus());
  },
  identify: (identity) => void controller.identify(identity),
});
if (!bridge.framed) controller.setVisible(true);

const root = document.getElementById("app");
if (root)
  render(
    <App controller={controller} bridge={bridge} config={config} t={t} focusSignal={focusSignal} />,
    root,
  );
void controller.start();
bridge.post({ channel: CHANNEL, type: "ready" });
