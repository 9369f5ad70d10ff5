import * as z from 'zod/mini';

/**
 * Who may use an installed app (`apps_store` document, `apps.<APP_ID>`): `all` users, the
 * account's `admins`, or `specific` ones listed in `users` (`[{ id }]`).
 */
export const AppInstallSchema = z.looseObject({
  allowed_users: z.optional(z.enum(['all', 'admins', 'specific'])),
  users: z.optional(z.array(z.looseObject({ id: z.string() }))),
});

/** What `POST …/apps_store/blacklist` takes: the app ids sub-accounts may not install. */
export const AppsBlacklistSchema = z.looseObject({
  blacklist: z.array(z.string()),
});

/** What `apps_store.install()` and `apps_store.update()` take. */
export type AppInstallParams = z.input<typeof AppInstallSchema>;
/** An installed app's permissions as Crossbar returns them (the app's `name` added). */
export type AppInstall = AppInstallParams & { readonly name?: string };
/** The apps blacklist: `{ blacklist: [appId, …] }`. */
export type AppsBlacklist = z.output<typeof AppsBlacklistSchema>;

/** One app of the store listing (`cb_apps_store:normalize_apps_result/2`). */
export interface AppSummary {
  readonly id: string;
  readonly name: string;
  readonly i18n?: Readonly<
    Record<
      string,
      {
        readonly label?: string;
        readonly description?: string;
        readonly extended_description?: string;
        readonly features?: readonly string[];
      }
    >
  >;
  readonly tags?: readonly string[];
  readonly api_url?: string;
  readonly source_url?: string;
  readonly account_id?: string;
  readonly users?: readonly { readonly id: string }[];
  readonly allowed_users?: 'all' | 'admins' | 'specific';
  readonly masqueradable?: boolean;
  readonly phase?: string;
  readonly extends?: readonly string[];
}

/** One app of the store, in full: the listing's fields plus `icon`, `screenshots`, `author`, `version`, `license`, `urls`. */
export type App = AppSummary & {
  readonly icon?: string;
  readonly screenshots?: readonly string[];
  readonly author?: string;
  readonly version?: string;
  readonly license?: string;
  readonly price?: number;
  readonly urls?: Readonly<Record<string, string>>;
};
