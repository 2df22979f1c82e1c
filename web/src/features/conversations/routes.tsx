// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
export const conversationRoutes = [] as const;
