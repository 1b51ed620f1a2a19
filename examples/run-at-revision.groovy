// Run at a revision with variables (one encrypted) and only two of the pipeline's actions
// (docs: executions-run.request.variables-actions.json, with the emulator's action IDs 5 and 6).
project "company-website" {
  run pipeline 2 at revision "HEAD" comment "hotfix" clearCache true priority HIGH variable "version", "1.0" encryptedVariable "pass", "qwerty" actions 5, 6
}
