export type { WaitForTaskOptions } from './wait-for-task-options';
export { waitForTask } from './wait-for-task';
export { watchTask } from './watch-task';
