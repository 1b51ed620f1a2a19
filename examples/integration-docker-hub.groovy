// Docker Hub, for two pipelines only (docs: integrations-create.request.docker-hub.json).
workspace "buddy" {
  integration {
    type DOCKER_HUB
    identifier "dockerhub-integration"
    name "Docker Hub"
    username "my-docker-user"
    password "docker-hub-token-or-password"
    scope PROJECT
    projectName "my-project"
    allPipelinesAllowed false
    allowedPipelines 123, 456
  }
}
