// expect-line: 6
// expect: type expects FTP, SSH, MATCH, UPCLOUD, VULTR, DIGITAL_OCEAN or GIT, not 'SSHH' | did you mean SSH?
project "web" {
  target "server" {
    name "Server"
    type SSHH
  }
}
