import { useCallback, useEffect, useState } from "react";

interface RemoteState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Data loaded by `load`, again whenever `load` changes (wrap it in useCallback with its inputs) or
 * `reload` is called. An answer that arrives after a newer request started is dropped, so a slow
 * response never overwrites the result of the filters chosen since.
 */
export function useRemote<T>(load: () => Promise<T>) {
  const [state, setState] = useState<RemoteState<T>>({ data: null, error: null, loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) {
          const message = error instanceof Error ? error.message : "could not load";
          setState((s) => ({ data: s.data, error: message, loading: false }));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
