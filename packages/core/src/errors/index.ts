export { APIConnectionError } from './api-connection-error';
export { APIConnectionTimeoutError } from './api-connection-timeout-error';
export { APIError, type APIErrorArgs, isRetryableStatus } from './api-error';
export { APIUserAbortError } from './api-user-abort-error';
export { InvalidArgumentError } from './invalid-argument-error';
export { InvalidResponseError } from './invalid-response-error';
export { MissingApiKeyError } from './missing-api-key-error';
export { ResponseTooLargeError } from './response-too-large-error';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createAPIError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './status-errors';
export { TaskWaitTimeoutError } from './task-wait-timeout-error';
export { XError } from './x-error';
