// expect-line: 6
// expect: user expects MANAGE, USE_ONLY or DENIED | not 'ADMIN'
integration {
  type GIT_HUB
  permissions {
    user 1, ADMIN
  }
}
