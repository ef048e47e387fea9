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
