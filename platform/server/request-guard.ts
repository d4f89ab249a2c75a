import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { OperationLimits } from '../config';
import { badInput, badRequest, maskError } from '../graphql/errors';
import { codePoint, INVALID_IN_TEXT } from '../graphql/operation-limits';

/** Nesting of `variables` accepted (the deepest input of the schema is far shallower). */
const MAX_VARIABLE_DEPTH = 32;

/** Characters GraphQL does not allow in a document (C0 controls but tab, LF, CR) and lone surrogates. */
const INVALID_IN_DOCUMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function send(res: Response, error: GraphQLError, status = 400): void {
  res.status(status).json({ errors: [maskError(error.toJSON())] });
}

/** Line and column (1-based) of offset `at` in `text`. */
function position(text: string, at: number): string {
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** The first string (value or key) in `value` holding a character no text can, as a dotted path; or a nesting problem. */
function invalidText(value: unknown, path: string): { path: string; char?: string } | undefined {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length) {
    const [item, at, depth] = stack.pop()!;
    if (typeof item === 'string') {
      const bad = INVALID_IN_TEXT.exec(item);
      if (bad) return { path: at, char: codePoint(bad[0]) };
    } else if (item && typeof item === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) return { path: at };
      for (const [key, child] of Object.entries(item)) {
        const bad = INVALID_IN_TEXT.exec(key);
        if (bad) return { path: `${at}.${key}`, char: codePoint(bad[0]) };
        stack.push([child, Array.isArray(item) ? `${at}[${key}]` : `${at}.${key}`, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * The HTTP boundary of `/graphql`, before anything is parsed or run: a JSON body (or GET
 * parameters) of the GraphQL-over-HTTP shape, a document no longer than the limit in characters
 * (comments and white space count: they are read too) and holding only characters GraphQL allows,
 * and variables whose strings any text column can hold. Each mistake is a coded, bilingual 4xx.
 */
export function graphqlRequestGuard(limits: OperationLimits): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let params: Record<string, unknown>;
    if (req.method === 'POST') {
      if (req.body === undefined || !req.is('application/json')) {
        return send(res, badRequest('请求须为 JSON（Content-Type: application/json）', 'The request must be JSON (Content-Type: application/json)'), 415);
      }
      if (Array.isArray(req.body)) return send(res, badRequest('不接受批量请求：每次请求只含一个操作', 'Batched requests are not accepted: one operation per request'));
      if (typeof req.body !== 'object' || req.body === null) return send(res, badRequest('请求体须为 JSON 对象', 'The body must be a JSON object'));
      params = req.body as Record<string, unknown>;
    } else if (req.method === 'GET') {
      params = req.query as Record<string, unknown>;
      const repeated = Object.keys(params).find((key) => typeof params[key] !== 'string');
      if (repeated) return send(res, badRequest(`参数 ${repeated} 只能出现一次`, `Parameter ${repeated} may appear once`, { field: repeated }));
    } else {
      return next();
    }

    // the answer is JSON: a client that takes none of its types would be refused only after the operation ran
    if (req.headers.accept && !req.accepts(['application/json', 'application/graphql-response+json'])) {
      return send(res, badRequest('请求的 Accept 须包含 application/json 或 application/graphql-response+json', 'Accept must include application/json or application/graphql-response+json', { field: 'accept' }), 406);
    }
    const { query, operationName } = params;
    let { variables } = params;
    if (query !== undefined && query !== null) {
      if (typeof query !== 'string') return send(res, badRequest('query 须为字符串', 'query must be a string', { field: 'query' }));
      if (query.length > limits.maxDocumentChars) {
        return send(res, badRequest(
          `查询文本过长：${query.length} 个字符，上限 ${limits.maxDocumentChars}（含注释）`,
          `Document too long: ${query.length} characters, limit ${limits.maxDocumentChars} (comments included)`,
          { field: 'query' },
        ));
      }
      const bad = INVALID_IN_DOCUMENT.exec(query);
      if (bad) {
        const at = position(query, bad.index);
        return send(res, badRequest(`查询文本第 ${at} 处含非法字符 ${codePoint(bad[0])}`, `Invalid character ${codePoint(bad[0])} in the document at ${at}`, { field: 'query' }));
      }
    }
    if (operationName !== undefined && operationName !== null) {
      if (typeof operationName !== 'string' || !/^[_A-Za-z][_0-9A-Za-z]{0,127}$/.test(operationName)) {
        return send(res, badRequest('operationName 须为操作名称', 'operationName must be an operation name', { field: 'operationName' }));
      }
    }
    if (typeof variables === 'string' && req.method === 'GET') {
      try {
        variables = JSON.parse(variables);
      } catch {
        return send(res, badRequest('variables 须为 JSON 对象', 'variables must be a JSON object', { field: 'variables' }));
      }
    }
    if (variables !== undefined && variables !== null) {
      if (typeof variables !== 'object' || Array.isArray(variables)) {
        return send(res, badRequest('variables 须为 JSON 对象', 'variables must be a JSON object', { field: 'variables' }));
      }
      const bad = invalidText(variables, 'variables');
      if (bad?.char) {
        return send(res, badInput([{ field: bad.path, zh: `${bad.path} 含不可存储的字符 ${bad.char}`, en: `${bad.path} holds the character ${bad.char}, which no text can hold` }]));
      }
      if (bad) {
        return send(res, badInput([{ field: bad.path, zh: `variables 嵌套超过 ${MAX_VARIABLE_DEPTH} 层`, en: `variables nested deeper than ${MAX_VARIABLE_DEPTH} levels` }]));
      }
    }
    const { extensions } = params;
    if (extensions !== undefined && extensions !== null && (typeof extensions !== 'object' || Array.isArray(extensions)) && req.method === 'POST') {
      return send(res, badRequest('extensions 须为 JSON 对象', 'extensions must be a JSON object', { field: 'extensions' }));
    }
    next();
  };
}
