import type { ShellMenus } from '../core/layout/shellMenus';
import { ClassSectionNav } from './ClassSectionNav';
import { MainNav } from './MainNav';

/** What the shell places in its header and above each page (core/layout/shellMenus.ts). */
export const shellMenus: ShellMenus = { MainNav, PageNav: ClassSectionNav };
