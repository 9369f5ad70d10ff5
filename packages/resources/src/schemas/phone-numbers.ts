import * as z from 'zod/mini';
import { PhoneNumbersSchema } from './generated/phone-numbers.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A phone number document (the public fields KAZOO keeps beside the number). No field is
 * required; `create_with_state` picks the state a new number starts in (KAZOO's default:
 * `reserved`), `cnam`, `e911` (which then needs `street_address`, `locality`, `region`,
 * `postal_code`) and `porting` configure number features. Custom fields are kept.
 */
export const PhoneNumberSchema = PhoneNumbersSchema;

/**
 * One number of `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers`: Crossbar answers an object keyed
 * by number, which the SDK turns into items carrying the key as `number`.
 */
export const PhoneNumberSummarySchema = z.looseObject({
  number: z.string(),
  state: z.optional(z.string()),
  assigned_to: z.optional(z.string()),
  used_by: z.optional(z.string()),
  created: z.optional(z.number()),
  updated: z.optional(z.number()),
  features: z.optional(z.array(z.string())),
  features_available: z.optional(z.array(z.string())),
});

/** One number offered by a search (`GET …/phone_numbers?prefix=…`, `GET /v2/phone_numbers?prefix=…`). */
export const AvailableNumberSchema = z.looseObject({
  number: z.string(),
  e164: z.optional(z.string()),
  state: z.optional(z.string()),
  formatted_number: z.optional(z.string()),
  npa_nxx: z.optional(z.string()),
  rate_center: z.optional(z.looseObject({ lata: z.optional(z.string()), name: z.optional(z.string()), state: z.optional(z.string()) })),
  status: z.optional(z.string()),
});

/** One failed number of a collection operation, or the body of a failed single-number call. */
export const PhoneNumberErrorSchema = z.looseObject({
  code: z.optional(z.number()),
  error: z.optional(z.string()),
  message: z.optional(z.string()),
  cause: z.optional(z.unknown()),
});

/** What `phone_numbers.create()` (acquire), `update()`, `activate()`, `reserve()` and `port()` take. */
export type PhoneNumberCreateParams = z.input<typeof PhoneNumberSchema>;
/** What `phone_numbers.patch()` takes. */
export type PhoneNumberPatchParams = DeepPartialNullable<PhoneNumberCreateParams>;
/** A number as the API returns it: its public fields, `id` (the number) and `_read_only` (state, features, dates). */
export type PhoneNumber = z.input<typeof PhoneNumberSchema> & {
  readonly id: string;
  readonly state?: string;
  readonly _read_only?: Readonly<Record<string, unknown>>;
};
/** One item of the account's number listing: `{ number, ...details }`. */
export type PhoneNumberSummary = z.output<typeof PhoneNumberSummarySchema>;
/** A number a search offered. */
export type AvailableNumber = z.output<typeof AvailableNumberSchema>;
/** Why one number of a collection operation failed (`{ code, error, message, cause }`). */
export type PhoneNumberError = z.output<typeof PhoneNumberErrorSchema>;

/**
 * The answer of a collection operation (`…/phone_numbers/collection`): the numbers that
 * succeeded and, by number, why the others failed. Crossbar sends `error: []` when none failed;
 * the SDK always gives an object.
 */
export interface PhoneNumberCollectionResult {
  readonly success: Readonly<Record<string, PhoneNumber>>;
  readonly error: Readonly<Record<string, PhoneNumberError>>;
}

/** `GET …/phone_numbers/{NUMBER}/identify`: the account the number belongs to. */
export interface PhoneNumberOwner {
  readonly account_id: string;
  readonly number: string;
  readonly [key: string]: unknown;
}

/** One number classifier (`did_us`, `tollfree_us`, `international`, …). */
export interface NumberClassifier {
  readonly friendly_name?: string;
  readonly pretty_print?: string;
  readonly regex?: string;
  readonly [key: string]: unknown;
}

/** `GET …/phone_numbers/classifiers/{NUMBER}`: how a dial string classifies. */
export interface NumberClassification extends NumberClassifier {
  readonly number: string;
  readonly e164?: string;
  /** The classifier's name; absent when nothing matched. */
  readonly name?: string;
}

/** Search parameters: `prefix` (3 digits, or an E.164 prefix such as `+1415`), `quantity`, `offset`, `country`. */
export interface NumberSearchParams {
  /** Area code / NPA-NXX, or an E.164 prefix (`+1415`). */
  readonly prefix: string;
  /** How many numbers at most. @default 1 (Crossbar's default) */
  readonly quantity?: number;
  /** Page of results, from 0. */
  readonly offset?: number;
  /** Two-letter country code. @default 'US' (Crossbar's default) */
  readonly country?: string;
}
