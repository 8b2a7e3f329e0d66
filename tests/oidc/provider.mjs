// A real OpenID Connect provider for the single sign-on tests: the certified npm package
// oidc-provider, on 127.0.0.1, with fixed clients and test users and RS256 keys made at start.
//
//   node tests/oidc/provider.mjs REDIRECT_URI [REDIRECT_URI ...]
//
// It listens on a free port and prints one line of JSON, {"issuer": ..., "discovery": ...},
// once it answers. The sign-in form is oidc-provider's own development form: the login is a
// test user's e-mail address, and any password is taken.
//
// Three clients share the redirect URIs. "sli" is served as a provider should; for the two
// others the provider misbehaves on purpose, so that the tests see the service refuse:
//   sli-wrong-audience  the ID token is re-signed with the provider's real key for another
//                       audience (a token minted for some other service);
//   sli-bad-signature   the ID token is re-signed with a key the provider never published,
//                       under the published key's id (a forged token).
import { createServer } from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';

import Provider from 'oidc-provider';

export const CLIENT_SECRET = 'test-client-secret-not-for-production';
const SCOPES = 'openid email profile';
const KEY_ID = 'sli-test-signing-key';

// Test users, by the login typed into the provider's form.
const USERS = {
  'invited.officer@sefton.gov.uk': { given_name: 'Ina', family_name: 'Vited', email_verified: true },
  'new.starter@sefton.gov.uk': { given_name: 'Nia', family_name: 'Starter', email_verified: true },
  'unverified@sefton.gov.uk': { given_name: 'Una', family_name: 'Verified', email_verified: false },
  'someone@elsewhere.example': { given_name: 'Sam', family_name: 'Elsewhere', email_verified: true },
  'admin@sefton.gov.uk': { given_name: 'Ada', family_name: 'Admin', email_verified: true },
};

function rsaKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey;
}

const signingKey = rsaKey();
const rogueKey = rsaKey();

const base64url = (value) => Buffer.from(value).toString('base64url');
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());

function resign(token, { key, claims = {} }) {
  const [header, payload] = token.split('.');
  const body = `${header}.${base64url(JSON.stringify({ ...decode(payload), ...claims }))}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
}

const TAMPERING = {
  'sli-wrong-audience': (token) => resign(token, { key: signingKey, claims: { aud: 'another-service' } }),
  'sli-bad-signature': (token) => resign(token, { key: rogueKey }),
};

const redirectUris = process.argv.slice(2);
if (redirectUris.length === 0) {
  console.error('Give the client redirect URIs as arguments.');
  process.exit(2);
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: ['sli', ...Object.keys(TAMPERING)].map((clientId) => ({
      client_id: clientId,
      client_secret: CLIENT_SECRET,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [{ ...signingKey.export({ format: 'jwk' }), kid: KEY_ID, use: 'sig', alg: 'RS256' }] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    async findAccount(ctx, id) {
      const user = USERS[id];
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, name: `${user.given_name} ${user.family_name}`, ...user };
        },
      };
    },
    // The test clients are the provider's own: no consent screen, as an organisation's
    // administrator grants consent for its own applications.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-cookie-key-not-for-production'] },
    features: { devInteractions: { enabled: true } },
  });

  provider.use(async (ctx, next) => {
    await next();
    const tamper = TAMPERING[ctx.oidc?.client?.clientId];
    if (tamper && ctx.oidc.route === 'token' && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: tamper(ctx.body.id_token) };
    }
  });

  server.on('request', provider.callback());
  const discovery = `${issuer}/.well-known/openid-configuration`;
  console.log(JSON.stringify({ issuer, discovery }));
});
