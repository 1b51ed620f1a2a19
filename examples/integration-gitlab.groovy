// GitLab (docs: integrations-create.request.gitlab.json).
workspace "buddy" {
  integration {
    type GIT_LAB
    identifier "my-gitlab-integration"
    name "GitLab Integration"
    token "glpat-xxxxxxxxxxxxxxxxxxxx"
    scope WORKSPACE
    allPipelinesAllowed true
  }
}
