// expect-line: 5
// expect: scope expects WORKSPACE, PROJECT or ENVIRONMENT | not 'HIGH'
integration {
  type GIT_HUB
  scope HIGH
}
