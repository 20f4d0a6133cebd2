/**
 * What the Studio asks of the API besides documents: the signed-in user and sign-in itself,
 * the project, its grants and datasets, features, key-value settings, and the journeys,
 * telemetry and help it shows around the desk. Each answers in the shape the Studio reads
 * (an unexpected 404 at start-up ends it in "unable to recover"); add-ons this project does
 * not use get the answer that switches them off (no features, no announcements).
 */
import type { LakeContext, LakeRequest, LakeResponse } from './context.ts';
import { httpError } from './errors.ts';
import { currentUserBody, LOCAL_USERS, projectUserBody, userById, type LocalUser } from './users.ts';

const FULL_RIGHTS = ['read', 'update', 'create', 'history', 'editHistory'];
/** Settings the Studio keeps per user (`/users/me/keyvalue`), while the server runs. */
const keyValues = new Map<string, unknown>();

function signedIn(request: LakeRequest): LocalUser {
  if (!request.user) throw httpError(401, '未登录');
  return request.user;
}

/** A session id the sign-in page hands back in `#sid=`, exchanged for the user's token. */
function sessionIdOf(user: LocalUser): string {
  return `local-session-${user.id}`;
}

function safeOrigin(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function member(user: LocalUser, current: LocalUser | undefined) {
  return {
    id: user.id,
    role: 'administrator',
    roles: [{ name: 'administrator', title: 'Administrator' }],
    isRobot: false,
    isCurrentUser: current?.id === user.id,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

export const startupRoutes: [string, RegExp, (request: LakeRequest, context: LakeContext) => LakeResponse | Promise<LakeResponse>][] = [
  // The Studio treats an empty answer as "not signed in" and shows the sign-in page.
  ['GET', /^\/users\/me$/, (request) => ({ body: request.user ? currentUserBody(request.user) : {} })],
  ['GET', /^\/auth\/id$/, (request) => ({ body: { id: signedIn(request).id } })],
  [
    'GET',
    /^\/auth\/providers$/,
    (request) => ({
      body: {
        thirdPartyLogin: false,
        sso: { saml: false },
        providers: LOCAL_USERS.map((user) => ({
          name: `local-${user.id}`,
          title: `${user.name}（${user.duty}）`,
          url: `${request.origin}/auth/login/${user.id}`,
        })),
      },
    }),
  ],
  [
    'GET',
    /^\/auth\/login\/([^/]+)$/,
    (request) => {
      const user = userById(decodeURIComponent(request.params[0] ?? ''));
      const origin = safeOrigin(request.search.get('origin'));
      if (!user || !origin) throw httpError(400, '登录链接无效');
      const target = new URL(origin);
      target.hash = `sid=${sessionIdOf(user)}`;
      return { status: 302, headers: { location: target.href } };
    },
  ],
  [
    'GET',
    /^\/auth\/fetch$/,
    (request) => {
      const user = LOCAL_USERS.find((candidate) => sessionIdOf(candidate) === request.search.get('sid'));
      if (!user) throw httpError(401, '会话无效');
      return { body: { token: user.token } };
    },
  ],
  ['POST', /^\/auth\/logout$/, () => ({ body: { ok: true } })],
  ['GET', /^\/ping$/, () => ({ body: { message: 'PONG' } })],
  // No optional features: releases, comments, tasks, scheduling and the rest stay off.
  ['GET', /^\/features$/, () => ({ body: [] })],
  [
    'GET',
    /^\/projects\/([^/]+)$/,
    (request, { projectId }) => ({
      body: {
        id: projectId,
        displayName: '本地内容库',
        studioHost: null,
        isBlocked: false,
        isDisabled: false,
        isDisabledByUser: false,
        organizationId: null,
        organization: null,
        metadata: {},
        features: [],
        pendingInvites: 0,
        members: LOCAL_USERS.map((user) => member(user, request.user)),
      },
    }),
  ],
  [
    'GET',
    /^\/projects\/([^/]+)\/grants$/,
    () => {
      const grants = [{ grants: FULL_RIGHTS.map((name) => ({ name, params: {} })), config: { filter: '_id in path("**")' } }];
      return {
        body: {
          'sanity.project': grants,
          'sanity.project.members': grants,
          'sanity.document.filter.mode': grants,
          'sanity.document.filter': grants,
        },
      };
    },
  ],
  ['GET', /^\/projects\/([^/]+)\/datasets\/([^/]+)\/acl$/, () => ({ body: [{ filter: '_id in path("**")', permissions: FULL_RIGHTS }] })],
  [
    'GET',
    /^\/projects\/([^/]+)\/datasets$/,
    // Add-on datasets (comments) do not exist: the add-on stays off.
    (request, { dataset }) => ({
      body: request.search.has('datasetProfile') ? [] : [{ name: dataset, aclMode: 'private', createdAt: '2026-01-01T00:00:00Z' }],
    }),
  ],
  ['GET', /^\/projects\/([^/]+)\/user-applications(\/.*)?$/, () => ({ body: [] })],
  [
    'GET',
    /^\/projects\/([^/]+)\/users$/,
    (request, { projectId }) => ({ body: LOCAL_USERS.map((user) => projectUserBody(user, projectId, request.user)) }),
  ],
  [
    'GET',
    /^\/users\/me\/keyvalue\/(.+)$/,
    (request) => {
      const user = signedIn(request);
      return {
        body: decodeURIComponent(request.params[0] ?? '')
          .split(',')
          .map((key) => ({ key, value: keyValues.get(`${user.id}:${key}`) ?? null })),
      };
    },
  ],
  [
    'PUT',
    /^\/users\/me\/keyvalue$/,
    async (request) => {
      const user = signedIn(request);
      const pairs = (await request.json()) as { key: string; value: unknown }[];
      if (!Array.isArray(pairs)) throw httpError(400, '请求体应为 [{key, value}]');
      for (const { key, value } of pairs) keyValues.set(`${user.id}:${key}`, value);
      return { body: pairs };
    },
  ],
  [
    'GET',
    /^\/users\/([^/]+)$/,
    (request, { projectId }) => {
      const ids = decodeURIComponent(request.params[0] ?? '').split(',');
      const found = ids
        .map(userById)
        .filter((user): user is LocalUser => user !== undefined)
        .map((user) => projectUserBody(user, projectId, request.user));
      if (ids.length > 1) return { body: found };
      if (!found[0]) throw httpError(404, `没有这个用户：${ids[0]}`);
      return { body: found[0] };
    },
  ],
  // Upsell and trial journeys, announcements: nothing to show.
  ['GET', /^\/journey\/announcements$/, () => ({ body: [] })],
  ['GET', /^\/journey\/.*$/, () => ({ body: null })],
  ['GET', /^\/intake\/telemetry-status$/, () => ({ body: { status: 'denied' } })],
  ['POST', /^\/intake\/.*$/, () => ({ status: 204 })],
  ['GET', /^\/help$/, () => ({ body: { resources: [], latestVersion: null, isSupported: true, isUpToDate: true } })],
];
