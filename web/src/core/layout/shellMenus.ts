import { createContext, useContext, type ComponentType } from 'react';
import type { Me } from '../api/types';

/**
 * The menus the shell places but cannot build: they list the features, which only app/ knows.
 * app/ provides them around the router (main.tsx).
 */
export interface ShellMenus {
  /** the main menu in the header */
  readonly MainNav: ComponentType<{ me: Me }>;
  /** a sub-menu above the page, such as a class's own pages; it renders nothing where it does not apply */
  readonly PageNav: ComponentType<{ me: Me }>;
}

export const ShellMenusContext = createContext<ShellMenus | null>(null);

export function useShellMenus(): ShellMenus {
  const menus = useContext(ShellMenusContext);
  if (!menus) throw new Error('ShellMenusContext is missing: app/ provides it around the router');
  return menus;
}
