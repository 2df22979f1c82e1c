// This feature's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const conversationsNb = {
  title: 'Samtaler',
};
export type ConversationsMessages = typeof conversationsNb;

export const conversationsNn: ConversationsMessages = {
  title: 'Samtalar',
};

export const conversationsEn: ConversationsMessages = {
  title: 'Conversations',
};
