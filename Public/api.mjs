// The API client: JSON over fetch, one request per resource and page load.
import { API_ROOT } from './urls.mjs';

/** A failed API request: the HTTP status (0: no answer at all), the problem+json body if any. */
export class APIError extends Error {
  constructor(status, problem, path, cause) {
    super(problem?.detail || problem?.title || cause?.message || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

// The data is read-only while the server runs, so each resource is fetched once per page
// load; a failed request is forgotten, so a retry really asks again.
const responses = new Map();

/** The JSON at an API path (or link), or an APIError with the API's own problem. */
export function fetchJSON(path) {
  if (!responses.has(path)) {
    const response = fetch(path, { headers: { Accept: 'application/json' } }).then(
      async (res) => {
        const type = res.headers.get('Content-Type') || '';
        const body = type.includes('json') ? await res.json().catch(() => null) : null;
        if (!res.ok) throw new APIError(res.status, body, path);
        if (body == null) {
          const problem = { title: 'Onverwacht antwoord', detail: `${path} gaf geen JSON terug.` };
          throw new APIError(res.status, problem, path);
        }
        return body;
      },
      (error) => {
        throw new APIError(0, null, path, error);
      }
    );
    response.catch(() => responses.delete(path));
    responses.set(path, response);
  }
  return responses.get(path);
}

/** The API's entry point: its `links` lead to the dossiers, competenties and search. */
export const fetchRoot = () => fetchJSON(API_ROOT);
