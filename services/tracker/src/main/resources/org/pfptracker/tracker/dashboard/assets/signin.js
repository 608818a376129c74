// Hands an access token to the tracker once; the tracker keeps it in an HttpOnly cookie, which the
// dashboard's reads and its change stream then carry. The token comes from the link's fragment, which
// browsers never send to a server, or from the form.

const status = document.getElementById('status');
const error = document.getElementById('error');

const next = () => {
  const wanted = new URLSearchParams(location.search).get('next');
  // Only a path on this server: a sign-in link must not send anyone elsewhere.
  return wanted && wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
};

const showError = (text) => {
  error.textContent = text;
  error.hidden = false;
};

async function signIn(token) {
  status.textContent = 'Signing in…';
  error.hidden = true;
  const response = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (response.status === 204) {
    location.replace(next());
    return;
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // No problem body: the status says enough.
  }
  status.textContent = '';
  showError(`Not signed in: ${problem.detail ?? `HTTP ${response.status}`}`);
}

const fragment = new URLSearchParams(location.hash.slice(1));
const linked = fragment.get('token');
if (linked) {
  // The token leaves the address bar and the history at once.
  history.replaceState(null, '', location.pathname + location.search);
  signIn(linked);
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  if (token) signIn(token);
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await fetch('/api/v1/session', { method: 'DELETE', cache: 'no-store' });
  status.textContent = 'Signed out.';
});
