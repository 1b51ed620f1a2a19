// Microsoft Azure (docs: integrations-create.request.azure.json).
workspace "buddy" {
  integration {
    type AZURE
    identifier "azure-integration"
    name "Microsoft Azure"
    tenantId "12345678-1234-1234-1234-123456789012"
    subscriptionId "87654321-4321-4321-4321-210987654321"
    appId "app-id-example"
    password "app-password-example"
    scope WORKSPACE
    allPipelinesAllowed true
  }
}
