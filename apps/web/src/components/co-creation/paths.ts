/** Staff and customers see the same threads under two roots: tools for the one, a simple layout for the other. */
export const threadsRoot = (staff: boolean) => (staff ? '/co-creation' : '/threads');
export const threadPath = (staff: boolean, id: string) => `${threadsRoot(staff)}/${encodeURIComponent(id)}`;
export const proposalPath = (staff: boolean, id: string) => `${threadsRoot(staff)}/proposals/${encodeURIComponent(id)}`;
export const offerPath = (staff: boolean, id: string) => `${threadsRoot(staff)}/offers/${encodeURIComponent(id)}`;
