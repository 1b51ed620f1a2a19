// Run pipeline 2 on a branch, with a comment, a priority and variables (one of them encrypted:
// its value never appears in dry-run output or errors).
workspace "buddy" {
  project "company-website" {
    run pipeline 2 on branch "master" comment "hotfix" priority HIGH variable "VERSION", "1.4" encryptedVariable "DEPLOY_KEY", "qwerty-secret"
  }
}
