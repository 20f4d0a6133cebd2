/**
 * The people who can sign in to the local Content Lake, in one place. Each has a fixed token:
 * the server listens on the loopback address only (unless HOST says otherwise) and stands in
 * for Sanity's own sign-in, so four eyes holds between two real identities on one machine.
 * `npm run studio` prints a sign-in link (`#token=…`) for each of them; the Studio only takes a
 * token of 32 characters or more from the link.
 */
export interface LocalUser {
  /** The user id written as the author of transactions (the History API) and by `identity()`. */
  id: string;
  /** The name the Studio shows and the workflow acts under. */
  name: string;
  email: string;
  /** What this person does in the bureau; both get full rights to the dataset. */
  duty: '编辑' | '审核';
  token: string;
}

export const LOCAL_USERS: readonly LocalUser[] = [
  { id: 'p-wang-editor', name: '王编辑', email: 'wang.editor@localhost', duty: '编辑', token: 'local-lake-wang-editor-7f3c9a1e5b2d4086' },
  { id: 'p-li-reviewer', name: '李审核', email: 'li.reviewer@localhost', duty: '审核', token: 'local-lake-li-reviewer-2b8e6d0f4a1c9357' },
];

export function userByToken(token: string | undefined): LocalUser | undefined {
  return token ? LOCAL_USERS.find((user) => user.token === token) : undefined;
}

export function userById(id: string): LocalUser | undefined {
  return LOCAL_USERS.find((user) => user.id === id);
}

/** `/users/me`: what the Studio needs to treat the request as signed in with full rights. */
export function currentUserBody(user: LocalUser) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    profileImage: null,
    provider: 'local',
    role: 'administrator',
    roles: [{ name: 'administrator', title: `Administrator（${user.duty}）`, description: '本地内容库的全部权限' }],
  };
}

/** `/users/<id>`: a project user as the user store and the workflow's name lookup read it. */
export function projectUserBody(user: LocalUser, projectId: string, current?: LocalUser) {
  return {
    id: user.id,
    projectId,
    displayName: user.name,
    familyName: null,
    givenName: null,
    middleName: null,
    imageUrl: null,
    email: user.email,
    isCurrentUser: current?.id === user.id,
  };
}
