/**
 * Hash routing (`#/settings`, `#/customer/<id>`): works from any static host and any sub-path,
 * with no server rewrite rules. Any address shows a page: no hash is home (the sheets); an unknown
 * page name or a malformed address (`#/customer/%`, which `decodeURIComponent` refuses) is 'not-found',
 * which the app shows as a page with a link home (issue 24).
 */
export const ROUTES = [
  'sheets',
  'customer',
  'analysis',
  'import-export',
  'settings',
  'duplicates',
  'merge',
] as const;
export type Route = (typeof ROUTES)[number];

function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}

/** What the address shows: a page, or 'not-found'. */
export type Shown = Route | 'not-found';

/**
 * The page and parameter of a location hash.
 * Example: `parseHash('#/customer/c%201')` → `{ route: 'customer', param: 'c 1' }`;
 * `parseHash('#/customer/%')` → `{ route: 'not-found', param: '' }`.
 */
export function parseHash(hash: string): { route: Shown; param: string } {
  const [name = '', param = ''] = hash.replace(/^#\/?/, '').split('/');
  if (name === '') return { route: 'sheets', param: '' };
  if (!isRoute(name)) return { route: 'not-found', param: '' };
  try {
    return { route: name, param: decodeURIComponent(param) };
  } catch {
    return { route: 'not-found', param: '' };
  }
}

class Router {
  #hash = $state(typeof location === 'undefined' ? '' : location.hash);
  #location = $derived(parseHash(this.#hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.#hash = location.hash;
      });
    }
  }

  /** The address as typed (the hash), for a page that says it does not know it. */
  get address(): string {
    return this.#hash;
  }

  get route(): Shown {
    return this.#location.route;
  }

  /** The part after the route, e.g. the customer id of `#/customer/<id>`. */
  get param(): string {
    return this.#location.param;
  }

  href(route: Route, param = ''): string {
    return `#/${route}${param ? `/${encodeURIComponent(param)}` : ''}`;
  }

  go(route: Route, param = ''): void {
    location.hash = this.href(route, param);
  }
}

export const router = new Router();
