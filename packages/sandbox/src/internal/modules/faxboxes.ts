import { randomBytes } from 'node:crypto';
import { FaxboxSchema } from '@audian/resources/schemas';
import { createDoc, itemDoc } from '../collection';
import { flagsOf, simpleCollection } from '../collection-def';
import type { Reply } from '../context';
import { validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject, stripReserved } from '../json';
import type { ClaimSpec, ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { validateDocument } from '../validation';

/** `cb_faxboxes`'s `?DEFAULT_FAX_SMTP_DOMAIN` (no `fax.default_smtp_domain` is configured). */
const FAX_SMTP_DOMAIN = 'fax.kazoo.io';
const SMTP_EMAIL_FIELD = 'pvt_smtp_email_address';

/**
 * The addresses `faxbox/email_address` emits for a box (its generated address and its custom one):
 * `cb_faxboxes:is_faxbox_email_global_unique/2` looks the custom address up among them in every
 * account. `cause` is left out of a PATCH's error, which `validate_patch/1` raises with a bare message.
 */
function emailClaims(doc: JsonObject, withCause: boolean): ClaimSpec[] {
  const custom = doc.custom_smtp_email_address;
  const error = () => ({
    custom_smtp_email_address: {
      unique: withCause ? { message: 'email address must be unique', cause: custom } : { message: 'email address must be unique' },
    },
  });
  const out: ClaimSpec[] = [];
  for (const address of [doc[SMTP_EMAIL_FIELD], custom]) {
    if (typeof address === 'string' && address !== '') out.push({ kind: 'faxbox_email', value: address, scope: 'global', error });
  }
  return out;
}

/** Fax boxes (`kzd_faxbox`); the listing shows when each was created. */
export const FAXBOXES: ResourceDef = simpleCollection(
  'faxboxes',
  'faxbox',
  FaxboxSchema,
  (doc) => ({ id: doc._id, name: doc.name, created: doc.pvt_created, flags: flagsOf(doc) }),
  {
    // `cb_faxboxes:update_faxbox/2` validates a POST's or a PATCH's request before
    // `on_faxbox_successful_validation/2` loads (`crossbar_doc:load_merge/3`).
    validatesBeforeLoad: ['POST', 'PATCH'],
    claims: (doc) => emailClaims(doc, true),
    // `cb_faxboxes:remove_private_fields/1` drops the leaked `smtp_email_address` from a request;
    // `on_faxbox_successful_validation/2` gives a new box its generated address.
    prepare: (doc, ctx) => {
      delete doc.smtp_email_address;
      if (!ctx.existing) doc[SMTP_EMAIL_FIELD] = `${randomBytes(4).toString('hex')}.${FAX_SMTP_DOMAIN}`;
      return undefined;
    },
  },
);

const FAXBOXES_PATCH: ResourceDef = { ...FAXBOXES, claims: (doc) => emailClaims(doc, false) };

/**
 * A write's answer as `cb_faxboxes:leak_private_fields/1` makes it: the generated address shown as
 * `smtp_email_address` (a `GET` does not show it).
 */
function leaked(engine: Engine, accountId: string, reply: Reply): Reply {
  const data = reply.data as JsonObject;
  const stored = engine.store.get(accountId, String(data.id))?.body[SMTP_EMAIL_FIELD];
  return stored === undefined ? reply : { ...reply, data: { ...data, smtp_email_address: stored } };
}

/** `cb_faxboxes`: the account's fax boxes. */
export const faxboxesModule = defineModule({
  name: 'faxboxes',
  documents: [FAXBOXES],
  routes: [
    route('accounts/:account/faxboxes', ['PUT'], ({ engine, req, accountId }) =>
      leaked(engine, accountId, createDoc(engine, req, accountId, FAXBOXES)),
    ),
    route('accounts/:account/faxboxes/:id', ['POST'], ({ engine, req, accountId, params }) =>
      leaked(engine, accountId, itemDoc(engine, req, accountId, FAXBOXES, params.id)),
    ),
    // `cb_faxboxes:validate_faxbox/3` validates a PATCH's data alone against the schema
    // (`update_faxbox/2`) before merging it into the stored box (`validate_patch/1`): a PATCH
    // without `name` is refused.
    // The box is loaded only after, so a box that does not exist is 404 for a valid PATCH alone.
    route('accounts/:account/faxboxes/:id', ['PATCH'], ({ engine, req, accountId, params }) => {
      if (isObject(req.data)) {
        const alone = validateDocument(FaxboxSchema, stripReserved(req.data));
        if (!alone.ok) throw validationError(alone.errors);
      }
      engine.docs.load(accountId, FAXBOXES, params.id);
      return leaked(engine, accountId, itemDoc(engine, req, accountId, FAXBOXES_PATCH, params.id));
    }),
  ],
});
