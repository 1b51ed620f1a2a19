// GitHub, scoped to one project (docs: integrations-create.request.github.json).
workspace "buddy" {
  integration {
    type GIT_HUB
    identifier "my-github-integration"
    name "GitHub Integration"
    token "ghp_xxxxxxxxxxxxxxxxxxxx"
    scope PROJECT
    projectName "my-project"
    allPipelinesAllowed true
  }
}
