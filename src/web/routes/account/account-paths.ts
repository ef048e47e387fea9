/** The URLs of sign-in, accounts, administration and council workspaces. */
const segment = (value: string | number) => encodeURIComponent(String(value));

export const accountPaths = {
  signIn: '/sign-in',
  signInOidc: '/sign-in/oidc',
  signInOidcCallback: '/sign-in/oidc/callback',
  signOut: '/sign-out',
  signOutEverywhere: '/sign-out/everywhere',
  account: '/account',
  setPassword: (secret: string) => `/set-password/${segment(secret)}`,
  users: '/admin/users',
  newUser: '/admin/users/new',
  user: (id: number | string) => `/admin/users/${segment(id)}`,
  userRole: (id: number | string) => `/admin/users/${segment(id)}/role`,
  userCouncils: (id: number | string) => `/admin/users/${segment(id)}/councils`,
  userPasswordLink: (id: number | string) => `/admin/users/${segment(id)}/password-link`,
  userRemove: (id: number | string) => `/admin/users/${segment(id)}/remove`,
  userTokens: (id: number | string) => `/admin/users/${segment(id)}/tokens`,
  tokens: '/admin/tokens',
  tokenRevoke: (id: number | string) => `/admin/tokens/${segment(id)}/revoke`,
  audit: '/admin/audit',
  auditCsv: '/admin/audit.csv',
  workspace: (urn: string) => `/councils/${segment(urn)}/workspace`,
  api: {
    me: '/api/v1/me',
    audit: '/api/v1/audit',
    members: (urn: string) => `/api/v1/councils/${segment(urn)}/members`,
  },
} as const;

/** A place to return to after signing in: a path on this site only, never another origin. */
export function safeReturnPath(value: unknown): string | undefined {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    value.length > 500
  )
    return undefined;
  if (/[\r\n]/.test(value) || value.startsWith(accountPaths.signIn) || value.startsWith(accountPaths.signOut))
    return undefined;
  return value;
}
