/**
 * Tells whether a blackhole subscription or routing key is about `accountId`. Call, fax and
 * conference keys carry the raw id (`call.{id}.CHANNEL_CREATE.*`, `bh_call`); object keys carry
 * the account database (`doc_edited.account%2Fxx%2Fyy%2Frest.user.*`, `bh_object`), or its MODB.
 */
export function mentionsAccount(key: string, accountId: string): boolean {
  if (key.includes(accountId)) return true;
  if (accountId.length < 5) return false;
  const [a, b, rest] = [accountId.slice(0, 2), accountId.slice(2, 4), accountId.slice(4)];
  return [`account%2F${a}%2F${b}%2F${rest}`, `account/${a}/${b}/${rest}`, `account%252F${a}%252F${b}%252F${rest}`].some((db) =>
    key.includes(db),
  );
}
