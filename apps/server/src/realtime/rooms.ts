/** The room of one conversation (its customer and the agents who opened it). */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
/** The room every signed-in agent joins for inbox events. */
export const QUEUE_ROOM = "queue";
/** The room of every console socket one person has open (on any instance). */
export const userRoom = (userId: string) => `user:${userId}`;
