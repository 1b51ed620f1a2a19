// expect-line: 10
// expect: unknown word 'type' in roleAssumption { } | belongs in integration { } | Valid here: arn, externalId, duration
integration {
  type AMAZON
  name "AWS"
  scope WORKSPACE
  authType TRUSTED
  roleAssumption {
    arn "arn:aws:iam::1:role/x"
    type GCP
  }
}
