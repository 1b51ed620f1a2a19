package org.buddy4j.core.provision;

/**
 * One field of a planned change, rendered for people: secrets are {@code ***} on both sides and compared by
 * the {@link SecretLedger}'s hash; where Buddy never returns a value and no hash is kept, {@code note} says
 * "cannot compare: will set".
 *
 * @param field the API field
 * @param before the live value as text (masked if secret), null when the resource does not exist yet
 * @param after the declared value as text (masked if secret), null for a deletion
 * @param secret whether the value is a secret
 * @param note why it is in the plan when that is not a visible difference, else null
 */
public record FieldChange(String field, String before, String after, boolean secret, String note) {}
