/**
 * Who a person is, for the four-eyes rule. Names are typed by hand (`--as`), copied from
 * Studio or carried in records, so the same person arrives as 「刘芳」, 「刘芳 」,
 * 「刘芳（消费者权益保护科）」, 「刘芳(消费者权益保护科)」, `Alice`, `ａｌｉｃｅ` or with an invisible
 * zero-width space. Every comparison of people goes through `personKey`, so none of those
 * spellings lets an author approve her own work.
 */

/** Whitespace, control characters and the invisible ones (zero-width space/joiners, word joiner, BOM, soft hyphen…). */
const INVISIBLE = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
/** A department in brackets after the name; after NFKC both （…） and (…) read as (…). */
const DEPARTMENT = /\([^()]*\)$/u;

/**
 * The comparable form of a name: NFKC, invisible characters removed, case-folded, and a
 * trailing bracketed department dropped. Empty when the name has no visible character.
 */
export function personKey(name: string | undefined): string {
  if (typeof name !== 'string') return '';
  let key = name.normalize('NFKC').replace(INVISIBLE, '');
  // Upper then lower folds more than lower alone (ß → ss, final sigma); NFKC again after.
  key = key.toUpperCase().toLowerCase().normalize('NFKC').replace(INVISIBLE, '');
  for (;;) {
    const withoutDepartment = key.replace(DEPARTMENT, '');
    // A name that is only a bracket stays what it is.
    if (withoutDepartment === key || withoutDepartment === '') return key;
    key = withoutDepartment;
  }
}

/** True when two names denote the same person; an empty name is no one and matches nobody. */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  const key = personKey(a);
  return key !== '' && key === personKey(b);
}

/** True for a name with no visible character, which cannot stand for anyone in the audit log. */
export function isBlankName(name: string | undefined): boolean {
  return personKey(name) === '';
}
