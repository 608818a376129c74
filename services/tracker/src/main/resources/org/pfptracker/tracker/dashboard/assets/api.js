// The public query API, as any external dashboard reads it: the page has no other source.

/** Raised for an answer other than 200, with the problem's detail when the API gave one. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
  }
}

async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    // Not signed in, or the session's token expired: sign in, then come back here.
    location.assign(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // Not a problem body: the status says enough.
    }
    throw new ApiError(response.status, problem.title ?? `HTTP ${response.status}`, problem.detail);
  }
  return response.json();
}

const partnerPath = (partnerId) => `/api/v1/partners/${encodeURIComponent(partnerId)}`;

export const api = {
  /** Every partner's summary: GET /api/v1/partners. */
  partners: () => get('/api/v1/partners'),
  /** One partner's whole view: GET /api/v1/partners/{id}. */
  partner: (partnerId) => get(partnerPath(partnerId)),
  /** A partner's pace and activity flow per quarter, every quarter of the range present. */
  pace: (partnerId, from, to) => {
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    return get(`${partnerPath(partnerId)}/pace?${query}`);
  },
  /** One programme with each objective's state. */
  programme: (partnerId, programmeId) => get(`${partnerPath(partnerId)}/programmes/${encodeURIComponent(programmeId)}`),
};

/** Retries a read a few times on 503 (the views move between instances during a rebalance). */
export async function withRetry(read, attempts = 4) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503 || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
