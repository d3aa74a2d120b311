export { waitForTask } from './wait-for-task';
export type { WaitForTaskOptions } from './wait-for-task-options';
export { watchTask } from './watch-task';
