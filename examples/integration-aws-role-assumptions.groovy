// AWS with keys, a role to assume, permissions and allowed pipelines
// (docs: integrations-create.request.aws-role-assumptions.json).
workspace "buddy" {
  integration {
    name "Buddy AWS integration"
    type AMAZON
    scope PROJECT
    projectName "company-website"
    accessKey "AKIAVASPKE3ZWWV7V5BI"
    secretKey "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"
    identifier "my_aws_integration"
    roleAssumption {
      arn "arn:aws:iam::123457465779:role/TESTS"
      externalId "ext_id"
      duration 9000
    }
    allPipelinesAllowed false
    permissions {
      admins MANAGE
      others DENIED
      user 1, USE_ONLY
      group 1, USE_ONLY
    }
    allowedPipelines 1
  }
}
