/**
 * Hash routing (`#/settings`, `#/customer/<id>`): works from any static host and any sub-path,
 * with no server rewrite rules.
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

function parse(hash: string): { route: Route; param: string } {
  const [name = '', param = ''] = hash.replace(/^#\/?/, '').split('/');
  return { route: isRoute(name) ? name : 'sheets', param: decodeURIComponent(param) };
}

class Router {
  #location = $state(parse(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.#location = parse(location.hash);
      });
    }
  }

  get route(): Route {
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
