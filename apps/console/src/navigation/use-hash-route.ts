import { useEffect, useState } from "react";
import { parseRoute, type Route } from "./routes";

/**
 * The route in the URL's hash, following the back button and links. Every hash change yields a new
 * object, so following the same conversation link twice still opens it again.
 */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
