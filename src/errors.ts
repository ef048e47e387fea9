/** Errors are values with a code and a plain message (DESIGN.md). */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
  }
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, code = 'invalid-input') {
    super(code, message, 400);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, code = 'not-found') {
    super(code, message, 404);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(code, message, 409);
    this.name = 'ConflictError';
  }
}

/** No one is signed in (or the token is missing or bad): 401. */
export class NotAuthenticatedError extends DomainError {
  constructor(message = 'Sign in to see this page.', code = 'not-authenticated') {
    super(code, message, 401);
    this.name = 'NotAuthenticatedError';
  }
}

/** Signed in and allowed to see the thing, but not to do this to it: 403. */
export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.', code = 'forbidden') {
    super(code, message, 403);
    this.name = 'ForbiddenError';
  }
}
