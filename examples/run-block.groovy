// The block form: one option per line, every option of the run API.
project "company-website" {
  run(pipeline: 2) {
    branch "master"
    comment "scheduled release"
    priority NORMAL
    clearCache true
    refresh false
    variable "VERSION", "1.4"
    encryptedVariable "DEPLOY_KEY", "qwerty-secret"
    variables STAGE: "production"
    encryptedVariables API_TOKEN: "tok-123456"
    actions 5, 6
    delayUntil "2026-11-18T12:38:16Z"
    environment "production"
    packageVersion "website:1.4"
  }
}
