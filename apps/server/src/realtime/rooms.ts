/** The room of one conversation (its customer and the agents who opened it). */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
/** The room every signed-in agent joins for inbox events. */
export const QUEUE_ROOM = "queue";
