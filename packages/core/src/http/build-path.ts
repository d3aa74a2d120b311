import { validatePathSegment } from './validate-path-segment';

/**
 * Fills a path template such as `/tasks/{task_id}/status`: each parameter is validated
 * (`validatePathSegment`, its error naming the parameter) and percent-encoded, so an id can never
 * reach another endpoint.
 */
export function buildPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`buildPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(validatePathSegment(params[name], name));
  });
}
