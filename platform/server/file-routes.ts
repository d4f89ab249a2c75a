import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, maskError } from '../graphql/errors';
import { currentRequest } from './log';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/** Answers a failed file request the way GraphQL errors look: coded, bilingual, nothing internal. */
export function sendError(res: Response, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const formatted = maskError(error instanceof GraphQLError ? error.toJSON() : { message: String(error) });
  res.status(STATUS[String(formatted.extensions?.code)] ?? 500).json({ errors: [{ ...formatted, extensions: { ...formatted.extensions, requestId: currentRequest()?.requestId } }] });
}

/** An async route (downloads of templates, exports, reports) whose errors answer through `sendError`. */
export function fileRoute(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res) => {
    handler(req, res).catch((error) => sendError(res, error));
  };
}

/** `Content-Disposition` for a download, with the file name spelled for every browser. */
export function attachment(res: Response, fileName: string, contentType: string): void {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}
