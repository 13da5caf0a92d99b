import { createContext, useContext } from "react";
import type { RestClient } from "./rest-client";

const ClientContext = createContext<RestClient | null>(null);

/** Makes the signed-in user's REST client available to views deep in the inbox (the customer panel). */
export const RestClientProvider = ClientContext.Provider;

/** The signed-in user's REST client; null outside the signed-in console. */
export const useRestClient = () => useContext(ClientContext);
