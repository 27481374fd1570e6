import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { LOGOUT } from '../api/account';
import { LOGIN, ME, type Me } from '../api/operations';

interface SessionValue {
  /** undefined while the stored token is being checked, null when anonymous. */
  me: Me | null | undefined;
  login: (identifier: string, password: string) => Promise<Me | null>;
  /** Revokes the token on the server (every token of the user with `everywhere`), then forgets it. */
  logout: (everywhere?: boolean) => Promise<void>;
  /** Reloads the user (roles change after e.g. applying as a supplier). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  if (!api.tokens.get()) return null;
  try {
    return (await api.request(ME)).me;
  } catch {
    // A dead token was already dropped by the client; any other failure shows the visitor as anonymous.
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void fetchMe().then((user) => current && setMe(user));
    return () => {
      current = false;
    };
  }, []);

  const login = useCallback(async (identifier: string, password: string) => {
    const { login: payload } = await api.request(LOGIN, { identifier, password });
    api.tokens.set(payload.token);
    const user = await fetchMe();
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async (everywhere = false) => {
    try {
      await api.request(LOGOUT, { everywhere });
    } catch {
      // Offline or already invalid: the token is forgotten below either way.
    }
    api.tokens.set(null);
    setMe(null);
  }, []);

  const refresh = useCallback(async () => {
    setMe(await fetchMe());
  }, []);

  const value = useMemo(() => ({ me, login, logout, refresh }), [me, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
