import { type BinaryResponse, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { checkBody, ResourceBase } from '../internal/resource-base.js';
import type { App, AppInstall, AppInstallParams, AppSummary, AppsBlacklist } from '../schemas/apps-store.js';

const STORE = 'accounts/{account_id}/apps_store';
const APP = `${STORE}/{app_id}`;
const INSTALL = lazy(async () => {
  const m = await import('../schemas/apps-store.js');
  return { document: m.AppInstallSchema, summary: m.AppInstallSchema };
});
const BLACKLIST = lazy(async () => {
  const m = await import('../schemas/apps-store.js');
  return { document: m.AppsBlacklistSchema, summary: m.AppsBlacklistSchema };
});

function appPath(appId: unknown): { app_id: string } {
  if (typeof appId !== 'string' || appId.trim() === '' || appId.includes('/')) {
    throw new InvalidArgumentError('appId', `appId must be an app id, got ${JSON.stringify(appId)}`);
  }
  return { app_id: appId };
}

/** What `apps_store.list()` takes: the core `ListParams` (Crossbar answers this listing in one page). */
export type AppListParams = ListParams;

/**
 * The Monster UI apps an account may use: `/v2/accounts/{ACCOUNT_ID}/apps_store`. `list()` shows
 * the apps the account may install (the reseller's blacklist left out), `install()` enables one
 * for `all` users, the `admins` or `specific` users, `uninstall()` removes it. A reseller hides
 * apps from a sub-account with `setBlacklist()`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const { data: apps } = await audian.apps_store.list();
 * const voip = apps.find((app) => app.name === 'voip');
 * if (voip) await audian.apps_store.install(voip.id, { allowed_users: 'admins' });
 * await audian.account(childId).apps_store.setBlacklist({ blacklist: [voip?.id ?? ''] });
 * ```
 */
export class AppsStore extends ResourceBase {
  /** The apps the account may use, with their permissions where installed (one page). `GET /v2/accounts/{ACCOUNT_ID}/apps_store` */
  list(params?: AppListParams, options?: CallOptions): PagePromise<AppSummary> {
    return this.pages(STORE, params, { options, schema: listCheck() });
  }

  /**
   * One app of the store, in full. `GET /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}`
   *
   * @throws NotFoundError when the account may not use such an app
   */
  get(appId: string, options?: CallOptions): APIPromise<App> {
    return APIPromise.run(() => this.call('GET', APP, { pathParams: appPath(appId), options }));
  }

  /**
   * Installs an app for the account. `PUT /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `allowed_users` or `users` has the wrong type
   * @throws BadRequestError when the app is already installed
   * @throws ForbiddenError when the account may not use the app
   */
  install(appId: string, permissions: AppInstallParams = { allowed_users: 'all' }, options?: CallOptions): APIPromise<AppInstall> {
    return APIPromise.after(checkBody(INSTALL, permissions, 'full', 'app'), () =>
      this.call('PUT', APP, { pathParams: appPath(appId), data: permissions, options }),
    );
  }

  /**
   * Changes who may use an installed app. `POST /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}`
   *
   * @throws BadRequestError when the app is not installed
   */
  update(appId: string, permissions: AppInstallParams, options?: CallOptions): APIPromise<AppInstall> {
    return APIPromise.after(checkBody(INSTALL, permissions, 'full', 'app'), () =>
      this.call('POST', APP, { pathParams: appPath(appId), data: permissions, options }),
    );
  }

  /**
   * Uninstalls an app. `DELETE /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}`
   *
   * @throws BadRequestError when the app is not installed
   */
  uninstall(appId: string, options?: CallOptions): APIPromise<Record<string, never>> {
    return APIPromise.run(() => this.call('DELETE', APP, { pathParams: appPath(appId), options }));
  }

  /** The ids of the apps the account may not install. `GET /v2/accounts/{ACCOUNT_ID}/apps_store/blacklist` */
  blacklist(options?: CallOptions): APIPromise<AppsBlacklist> {
    return this.call('GET', `${STORE}/blacklist`, { options });
  }

  /**
   * Replaces the account's apps blacklist (set by the account or one above it).
   * `POST /v2/accounts/{ACCOUNT_ID}/apps_store/blacklist`
   *
   * @throws InvalidArgumentError (before any request) when `blacklist` is not an array of app ids
   */
  setBlacklist(blacklist: AppsBlacklist, options?: CallOptions): APIPromise<AppsBlacklist> {
    return APIPromise.after(checkBody(BLACKLIST, blacklist, 'full', 'apps blacklist'), () =>
      this.call('POST', `${STORE}/blacklist`, { data: blacklist, options }),
    );
  }

  /** Downloads an app's icon (no login needed). `GET /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}/icon` */
  icon(appId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${APP}/icon`, { pathParams: appPath(appId), accept: 'image/*', options });
  }

  /**
   * Downloads one of an app's screenshots, counted from 0 (no login needed).
   * `GET /v2/accounts/{ACCOUNT_ID}/apps_store/{APP_ID}/screenshot/{APP_SCREENSHOT_INDEX}`
   *
   * @throws InvalidArgumentError (before any request) when `index` is not a non-negative integer
   */
  screenshot(appId: string, index: number, options?: CallOptions): APIPromise<BinaryResponse> {
    return APIPromise.run(() => {
      // A command line hands the index over as a digit string.
      const n = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index;
      if (!Number.isInteger(n) || n < 0) {
        throw new InvalidArgumentError('index', `index must be a non-negative integer, got ${JSON.stringify(index)}`);
      }
      return this.fetchBinary(`${APP}/screenshot/{index}`, {
        pathParams: { ...appPath(appId), index: String(n) },
        accept: 'image/*',
        options,
      });
    });
  }
}

export type { App, AppInstall, AppInstallParams, AppSummary, AppsBlacklist } from '../schemas/apps-store.js';
