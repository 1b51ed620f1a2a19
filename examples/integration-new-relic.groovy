// New Relic (docs: integrations-create.request.new-relic.json).
workspace "buddy" {
  integration {
    name "buddy"
    type NEW_RELIC
    scope WORKSPACE
    token "NRAK-F9LDREIBQN0NUI56NJYRB1DHR3Z"
    region "US"
  }
}
