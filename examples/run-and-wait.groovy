// Start a run, keep what the statement returns, wait for it and act on its status.
project "company-website" {
  def deploy = run pipeline 2 on branch "master" comment "deploy and wait"
  println "started run ${deploy.id}: ${deploy.status}"
  deploy.waitUntilFinished()
  if (deploy.successful) {
    println "run ${deploy.id} deployed ${deploy.revision}"
  } else {
    println "run ${deploy.id} ended ${deploy.status}"
  }
}
