/**
 * Errors in the shapes the Content Lake answers with, so @sanity/client and the Studio read
 * them as they read Sanity's: data endpoints put `{description, type}` under `error`, the
 * others answer `{statusCode, error, message}`.
 */
export class LakeError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(describe(body));
    this.status = status;
    this.body = body;
    this.name = 'LakeError';
  }
}

function describe(body: Record<string, unknown>): string {
  const error = body.error as { description?: string } | string | undefined;
  if (typeof error === 'object' && error?.description) return error.description;
  return typeof body.message === 'string' ? body.message : String(error ?? 'error');
}

/** An error of the data API (query, doc, mutate, actions, listen, history). */
export function dataError(status: number, type: string, description: string, extra: Record<string, unknown> = {}): LakeError {
  return new LakeError(status, { error: { description, type, ...extra }, statusCode: status });
}

/** A mutation that cannot be applied; `items` says which one, as the Content Lake does. */
export function mutationError(status: number, type: string, description: string, id: string, index: number): LakeError {
  return dataError(status, 'mutationError', `The mutation(s) failed: ${description}`, {
    items: [{ error: { description, id, type }, index }],
  });
}

/** An error of the other endpoints (users, projects, assets …). */
export function httpError(status: number, message: string): LakeError {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
  };
  return new LakeError(status, { statusCode: status, error: names[status] ?? 'Error', message });
}
