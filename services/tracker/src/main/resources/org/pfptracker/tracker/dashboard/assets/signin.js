// Signs a person in and hands their access token to the tracker once; the tracker keeps it in an HttpOnly
// cookie, which the dashboard's reads and its change stream then carry. Three ways in:
// - the organisation's identity provider, with OAuth's authorization code flow and PKCE (RFC 7636): the
//   page is a public client, so the code is bound to a verifier only this tab knows;
// - a sign-in link's token, in the fragment, which browsers never send to a server;
// - a pasted token.

const status = document.getElementById('status');
const error = document.getElementById('error');
const FLOW_KEY = 'pfp-sign-in';
// Where to end the person's session at the identity provider on sign-out, kept for this tab only.
const PROVIDER_SESSION_KEY = 'pfp-provider-session';
const SIGNED_OUT_STATE = 'pfp-signed-out';

const next = (wanted) => {
  // Only a path on this server: a sign-in must not send anyone elsewhere.
  return wanted && wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
};

const showError = (text) => {
  status.textContent = '';
  error.textContent = text;
  error.hidden = false;
};

async function handOver(token, goTo) {
  status.textContent = 'Signing in…';
  error.hidden = true;
  const response = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (response.status === 204) {
    location.replace(next(goTo));
    return;
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // No problem body: the status says enough.
  }
  showError(`Not signed in: ${problem.detail ?? `HTTP ${response.status}`}`);
}

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = (size) => base64url(crypto.getRandomValues(new Uint8Array(size)));

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the issuer answered HTTP ${response.status}`);
  return response.json();
}

async function startCodeFlow(config) {
  const provider = await discover(config.issuer);
  const verifier = randomText(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(24);
  const redirectUri = `${location.origin}/signin`;
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({
    verifier, state, redirectUri, tokenEndpoint: provider.token_endpoint, clientId: config.clientId,
    endSessionEndpoint: provider.end_session_endpoint ?? null,
    next: new URLSearchParams(location.search).get('next'),
  }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

async function finishCodeFlow(code, state) {
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) ?? 'null');
  sessionStorage.removeItem(FLOW_KEY);
  history.replaceState(null, '', location.pathname);
  if (!flow || flow.state !== state) {
    showError('Not signed in: this sign-in was not started from this page (state mismatch); start again.');
    return;
  }
  status.textContent = 'Signing in…';
  const response = await fetch(flow.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: flow.redirectUri, client_id: flow.clientId,
      code_verifier: flow.verifier,
    }),
    cache: 'no-store',
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    showError(`Not signed in: ${answer.error_description ?? answer.error ?? `the issuer answered HTTP ${response.status}`}`);
    return;
  }
  if (flow.endSessionEndpoint) {
    // The ID token names the session to end (OIDC RP-Initiated Logout); the API never accepts it (its
    // audience is the dashboard, not the tracker).
    sessionStorage.setItem(PROVIDER_SESSION_KEY, JSON.stringify({
      endSessionEndpoint: flow.endSessionEndpoint, clientId: flow.clientId, idToken: answer.id_token ?? null,
    }));
  }
  await handOver(answer.access_token, flow.next);
}

// Where the identity provider ends its session: as remembered at sign-in in this tab, or as the provider says
// (a person who signed in in another tab is asked by the provider to confirm).
async function providerSession() {
  const remembered = JSON.parse(sessionStorage.getItem(PROVIDER_SESSION_KEY) ?? 'null');
  sessionStorage.removeItem(PROVIDER_SESSION_KEY);
  if (remembered) return remembered;
  const config = await (await fetch('/dashboard/sign-in.json', { cache: 'no-store' })).json();
  if (!config.issuer) return null;
  const provider = await discover(config.issuer).catch(() => ({}));
  return provider.end_session_endpoint
    ? { endSessionEndpoint: provider.end_session_endpoint, clientId: config.clientId, idToken: null }
    : null;
}

// Signing out ends the tracker's session and then the provider's, or the next "Sign in with your
// organisation" would sign the same person in again without asking: not what a shared computer needs.
async function signOut() {
  await fetch('/api/v1/session', { method: 'DELETE', cache: 'no-store' });
  const session = await providerSession();
  if (!session) {
    status.textContent = 'Signed out.';
    return;
  }
  const query = new URLSearchParams({
    client_id: session.clientId, post_logout_redirect_uri: `${location.origin}/signin`, state: SIGNED_OUT_STATE,
  });
  if (session.idToken) query.set('id_token_hint', session.idToken);
  location.assign(`${session.endSessionEndpoint}?${query}`);
}

async function main() {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (query.get('state') === SIGNED_OUT_STATE && !query.get('code')) {
    history.replaceState(null, '', location.pathname);
    status.textContent = 'Signed out, also at your organisation.';
  } else if (query.get('code')) {
    await finishCodeFlow(query.get('code'), query.get('state'));
  } else if (query.get('error')) {
    showError(`Not signed in: ${query.get('error_description') ?? query.get('error')}`);
  } else if (fragment.get('token')) {
    // The token leaves the address bar and the history at once.
    history.replaceState(null, '', location.pathname + location.search);
    await handOver(fragment.get('token'), query.get('next'));
  }
  const config = await (await fetch('/dashboard/sign-in.json', { cache: 'no-store' })).json();
  if (config.issuer) {
    document.getElementById('issuer-name').textContent = config.issuer;
    document.getElementById('issuer-sign-in').hidden = false;
    document.getElementById('sign-in-with-issuer').addEventListener('click', () =>
      startCodeFlow(config).catch((failure) => showError(`Not signed in: ${failure.message}`)));
  }
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  if (token) handOver(token, new URLSearchParams(location.search).get('next'));
});

document.getElementById('sign-out').addEventListener('click', () =>
  signOut().catch((failure) => showError(`Sign-out incomplete: ${failure.message}`)));

main().catch((failure) => showError(`Not signed in: ${failure.message}`));
