// The named form: every option as name: value.
project "company-website" {
  run pipeline: 2, branch: "master", comment: "named form", priority: LOW, refresh: true,
      variables: [VERSION: "1.4"], encryptedVariables: [TOKEN: "s3cr3t-value"], actions: [5]
}
