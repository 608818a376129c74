// The live connection: server-sent events from GET /api/v1/stream, which say which partners changed.
// The page answers by re-reading them through the API. It reconnects by itself, with a growing pause,
// and treats a connection that stays silent past two heartbeats as lost.

const BACKOFF_MS = [1000, 2000, 5000, 10000, 15000];
const DEFAULT_HEARTBEAT_MS = 15000;

/**
 * Connects and keeps connected.
 * @param {object} handlers onChanged(partnerIds: string[]) for changes, onResync() when everything must be
 *   read again (after a reconnect, or when the server dropped a backlog)
 * @param {HTMLElement} indicator the element that says how the connection is (data-state, text)
 */
export function connectLive({ onChanged, onResync }, indicator) {
  const text = indicator.querySelector('[data-live-text]') ?? indicator;
  let source = null;
  let attempt = 0;
  let lastHeard = 0;
  let heartbeatMs = DEFAULT_HEARTBEAT_MS;
  let retryAt = 0;
  let everConnected = false;
  let pending = new Set();
  let flushScheduled = false;

  const setState = (state) => {
    indicator.dataset.state = state;
    render();
  };

  const render = () => {
    const state = indicator.dataset.state;
    const seconds = lastHeard ? Math.max(0, Math.round((Date.now() - lastHeard) / 1000)) : null;
    const heard = seconds === null ? '' : seconds < 2 ? 'last heard just now' : `last heard ${seconds} s ago`;
    if (state === 'live') text.textContent = `Live · ${heard}`;
    else if (state === 'reconnecting') {
      const wait = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      text.textContent = `Reconnecting${wait ? ` in ${wait} s` : '…'}${heard ? ` · ${heard}` : ''}`;
    } else if (state === 'offline') text.textContent = `Offline${heard ? ` · ${heard}` : ''}`;
    else text.textContent = 'Connecting…';
    indicator.title = lastHeard ? `Last message from the server at ${new Date(lastHeard).toLocaleTimeString()}` : '';
  };

  const heard = () => {
    lastHeard = Date.now();
    indicator.dataset.lastHeard = String(lastHeard);
    if (indicator.dataset.state !== 'live') setState('live');
    else render();
  };

  // Changes arriving in a burst are handed over together, once per animation frame at most.
  const queue = (partnerId) => {
    pending.add(partnerId);
    if (flushScheduled) return;
    flushScheduled = true;
    requestAnimationFrame(() => {
      const ids = [...pending];
      pending = new Set();
      flushScheduled = false;
      onChanged(ids);
    });
  };

  const open = () => {
    setState(everConnected ? 'reconnecting' : 'connecting');
    source = new EventSource('/api/v1/stream');
    source.addEventListener('hello', (event) => {
      const hello = JSON.parse(event.data);
      heartbeatMs = hello.heartbeatMillis || DEFAULT_HEARTBEAT_MS;
      attempt = 0;
      const reconnected = everConnected;
      everConnected = true;
      heard();
      // Whatever changed while the page was not listening is only known by reading it all again.
      if (reconnected) onResync();
    });
    source.addEventListener('partner-changed', (event) => {
      heard();
      queue(JSON.parse(event.data).partnerId);
    });
    source.addEventListener('heartbeat', heard);
    source.addEventListener('resync', () => {
      heard();
      onResync();
    });
    source.onerror = () => {
      // EventSource retries by itself only some failures; closing and retrying here covers them all.
      source.close();
      scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    attempt += 1;
    retryAt = Date.now() + delay;
    setState(attempt > BACKOFF_MS.length ? 'offline' : 'reconnecting');
    setTimeout(open, delay);
  };

  // Silence past two heartbeats means the connection is gone even if the browser has not noticed.
  setInterval(() => {
    const state = indicator.dataset.state;
    if (state === 'live' && Date.now() - lastHeard > 2 * heartbeatMs + 5000) {
      source.close();
      scheduleRetry();
    } else {
      render();
    }
  }, 1000);

  open();
}
