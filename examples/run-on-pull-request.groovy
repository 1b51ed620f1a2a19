// Run on a pull request, clearing the cache first.
project "company-website" {
  run pipeline 2 on pullRequest "pull/1" comment "hotfix" clearCache true variables VERSION: "1.0", STAGE: "review"
}
