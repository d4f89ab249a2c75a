import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Error codes every subgraph and the gateway use. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  BAD_REQUEST: 'BAD_REQUEST',
  /** A subgraph refused the connection, dropped it or answered 5xx: its part of the answer is missing. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within SUBGRAPH_TIMEOUT_MS: its part of the answer is missing. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** A problem with one input field: where, and why in Chinese and English. */
export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

const message = (zh: string, en: string) => `${zh} · ${en}`;

function coded(code: string, zh: string, en: string, extra: Record<string, unknown> = {}, status?: number) {
  return new GraphQLError(message(zh, en), {
    extensions: { code, messageZh: zh, messageEn: en, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

/** BAD_USER_INPUT naming the first bad field and listing every problem found (`status`: when the whole request is refused). */
export function badInput(problems: FieldProblem[], status?: number): GraphQLError {
  const [first] = problems;
  const zh = problems.length > 1 ? `${first.zh}（共 ${problems.length} 处错误）` : first.zh;
  const en = problems.length > 1 ? `${first.en} (${problems.length} problems in all)` : first.en;
  return coded(ErrorCode.BAD_USER_INPUT, zh, en, {
    field: first.field,
    problems: problems.map((p) => ({ field: p.field, message: message(p.zh, p.en) })),
  }, status);
}

/**
 * A request that cannot be taken as sent (its shape, size, characters or operation): answered
 * with HTTP 400 (or `status`) before anything runs.
 */
export function badRequest(zh: string, en: string, extra: Record<string, unknown> = {}, status = 400): GraphQLError {
  return coded(ErrorCode.BAD_REQUEST, zh, en, extra, status);
}

export function unauthenticated(zh = '未登录或凭证无效', en = 'Missing, invalid or expired credentials'): GraphQLError {
  return coded(ErrorCode.UNAUTHENTICATED, zh, en, {}, 401);
}

export function forbidden(zh = '超出您的管辖范围', en = 'Outside your jurisdiction', field?: string): GraphQLError {
  return coded(ErrorCode.FORBIDDEN, zh, en, field ? { field } : {});
}

export function notFound(what: string, whatEn: string, field?: string): GraphQLError {
  return coded(ErrorCode.NOT_FOUND, `未找到${what}`, `${whatEn} not found`, field ? { field } : {});
}

export function conflict(field: string, zh: string, en: string): GraphQLError {
  return coded(ErrorCode.CONFLICT, zh, en, { field });
}

/** Collects field problems during validation; throws them together. */
export class Problems {
  private readonly list: FieldProblem[] = [];

  add(field: string, zh: string, en: string): void {
    this.list.push({ field, zh, en });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** The problems found so far (an import reports them per row instead of throwing). */
  get all(): readonly FieldProblem[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}

/** Codes whose message a client may read (everything else is masked as INTERNAL_SERVER_ERROR). */
export const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const KEPT_EXTENSIONS = ['code', 'field', 'problems', 'service', 'messageZh', 'messageEn'];

/** What the server's own request errors (parsing, validation, request shape) say in Chinese before their English text. */
const REQUEST_ERRORS_ZH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询未通过校验',
  BAD_REQUEST: '请求无效',
  BAD_USER_INPUT: '输入有误',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
  PERSISTED_QUERY_NOT_FOUND: '未找到该持久化查询',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询',
};

/**
 * `formatError` for the gateway and every subgraph: known, coded errors keep their message and
 * field (and, for a failed subgraph, its name); anything else (SQL, driver, network, a bug)
 * becomes a generic internal error. Stack traces and URLs never leave.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const known = PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
  if (!known) {
    return {
      message: message('服务器内部错误，请稍后再试', 'Internal server error'),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  const extensions: Record<string, unknown> = {};
  for (const key of KEPT_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  let text = formatted.message;
  if (extensions.messageZh === undefined && REQUEST_ERRORS_ZH[code]) {
    // the server's own English message, given its Chinese heading
    text = message(REQUEST_ERRORS_ZH[code], formatted.message);
    Object.assign(extensions, { messageZh: REQUEST_ERRORS_ZH[code], messageEn: formatted.message });
  }
  return {
    message: text,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}
