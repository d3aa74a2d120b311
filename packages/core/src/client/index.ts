export { createLimiter, type Limiter } from './create-limiter';
export { createTaskClient } from './create-task-client';
export type { TaskClient, TaskClientOptions, TaskOutcome, TaskUpdate } from './task-client-types';
