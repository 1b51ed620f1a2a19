// Provision a website project as code (docs/provisioning.md): `buddy plan` shows what would change,
// `buddy apply` makes Buddy match and then runs the pipeline. Re-running changes nothing.
// Secrets come from the environment (DB_PASSWORD, DEPLOY_SSH_KEY, GITHUB_TOKEN, WEBHOOK_SECRET); the
// defaults after them are placeholders so that the example runs as it is against the emulator.
workspace "buddy" {
  integration "website-github" {
    type GIT_HUB
    name "GitHub for the website"
    scope WORKSPACE
    token env("GITHUB_TOKEN", "ghp-example-token")
  }

  webhook "https://hooks.example.com/buddy" {
    events EXECUTION_SUCCESSFUL, EXECUTION_FAILED
    secretKey env("WEBHOOK_SECRET", "example-webhook-secret")
  }

  project "website" {
    displayName "Website"

    pipeline "deploy" {
      priority NORMAL
      refs "refs/heads/master"
      action "Build" {
        type "BUILD"
      }
      action "Test" {
        type "BUILD"
      }
      action "Deploy" {
        type "SSH_COMMAND"
      }
    }

    variable "APP_NAME", "website"
    variable "REGION", "eu-west-1"
    variable("DB_PASSWORD") {
      value env("DB_PASSWORD", "example-db-password")
      encrypted true
    }
    variable("DEPLOY_SSH_KEY") {
      value env("DEPLOY_SSH_KEY", "example-ssh-private-key")
      type SSH_KEY
      encrypted true
      filePlace CONTAINER
      filePath "~/.ssh/id_deploy"
    }

    environment "production" {
      name "Production"
    }

    // After the declarations are applied: run the pipeline and wait for it.
    def deploy = run pipeline "deploy" on branch "master" comment "provisioned"
    deploy.waitUntilFinished()
    println "run ${deploy.id} of deploy ended ${deploy.status}"
  }
}
