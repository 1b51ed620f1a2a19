// AWS with access keys (docs: integrations-create.request.aws-access-keys.json).
// The docs spell the keys access_key_id / secret_access_key: documented aliases of access_key /
// secret_key. Both spellings are words here; buddy4j sends the canonical access_key / secret_key.
workspace "buddy" {
  integration {
    type AMAZON
    identifier "aws-token-integration"
    name "Amazon Web Services (Token)"
    accessKeyId "AKIAIOSFODNN7EXAMPLE"
    secretAccessKey "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    scope PROJECT
    projectName "my-project"
    allPipelinesAllowed true
  }
}
