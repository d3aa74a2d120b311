export { createTask, type TaskFields } from './create-task';
export { isTerminalStatus } from './is-terminal-status';
export { parseTimestamp } from './parse-timestamp';
export type { Task, TaskArtifact, TaskArtifactKind, TaskResponseInfo, TaskStep } from './task';
export type { AnyTaskProvider, RawOf, RefOf, RequestOptions, TaskProvider } from './task-provider';
export type { TaskStatus } from './task-status';
export { TASK_STATUSES, TERMINAL_STATUSES } from './task-status';
