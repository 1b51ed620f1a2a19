// expect-line: 6
// expect: type expects VAR, FILE, SSH_KEY, IOS_KEYCHAIN, IOS_PROVISION_PROFILES, SSH_PUBLIC_KEY or GPG_KEY, not 'SSH'
project "web" {
  variable("DEPLOY_KEY") {
    value env("HOME")
    type SSH
  }
}
