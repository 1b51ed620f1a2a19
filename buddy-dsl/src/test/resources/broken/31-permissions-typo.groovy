// expect-line: 6
// expect: unknown word 'admin' in permissions { } | did you mean 'admins'? | Valid here: admins, others, user, group
integration {
  type GIT_HUB
  permissions {
    admin MANAGE
  }
}
