// expect-line: 3
// expect: unknown word 'integraton' | the script's top level | did you mean 'integration'? | Valid here: workspace, project, integration, run, rollback
integraton {
  type GIT_HUB
}
