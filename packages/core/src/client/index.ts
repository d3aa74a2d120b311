export { createTaskClient } from './create-task-client';
export type { TaskClient, TaskClientOptions, TaskOutcome, TaskUpdate } from './task-client-types';
export { createLimiter, type Limiter } from './create-limiter';
