// dry-run: --assume FAILED
// Deploy; if the run fails, roll back: run the revision of the last SUCCESSFUL run before the newest
// finished one, on the same branch and at another revision (buddy-core's RollbackPlan, as in
// `buddy runs rollback`). (A dry run assumes runs succeed unless told otherwise; the line above is read
// by the example tests, the CLI takes --assume FAILED, Java code ScriptOptions.assumeRunsEnd("FAILED").)
project "company-website" {
  def deploy = run pipeline 4 on branch "develop" comment "release 1.4"
  deploy.waitFor 10
  if (deploy.failed) {
    println "run ${deploy.id} ended ${deploy.status}; rolling back"
    def back = rollback pipeline 4 comment "roll back release 1.4"
    back.waitUntilFinished()
    println "rollback ${back.id} ran ${back.revision}: ${back.status}"
  }
}
