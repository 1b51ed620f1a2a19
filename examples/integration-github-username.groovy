// GitHub with a username (docs: integrations-create.request.github-username.json).
workspace "buddy" {
  integration {
    identifier "my_identifier"
    name "my_name"
    type GIT_HUB
    scope WORKSPACE
    username "Buddy"
    token "12bd78f43e3dcad41afd13f69429a00a0c8a18dcf2"
  }
}
